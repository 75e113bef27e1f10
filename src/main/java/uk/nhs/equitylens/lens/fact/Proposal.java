package uk.nhs.equitylens.lens.fact;

/**
 * The proposal as a whole: what kind of change it is, how many people it touches and how many of
 * them live in Core20 areas.
 *
 * @param type proposal type code, e.g. {@code DIGITAL_CHANNEL}
 * @param typeLabel the vocabulary label of the type
 * @param affected people affected
 * @param core20Share fraction 0..1 in Core20 areas; {@code null} when neither given nor derivable
 * from the areas named
 * @param core20Statement the share as a sentence fragment for explanations, saying what it is a
 * share of: "34% of the 12,000 people affected live in the most deprived 20% of areas" or "2 of
 * the 3 English areas matched (67%) are among the most deprived 20% in England (IoD 2025)"; {@code null}
 * when the share is unknown
 * @param areasNamed how many area codes the proposal named (whether or not the deprivation data
 * matched them)
 */
public record Proposal(String title, String type, String typeLabel, long affected, Double core20Share,
		String core20Statement, int areasNamed) {

	public boolean isCore20ShareKnown() {
		return core20Share != null;
	}

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "Proposal[title=" + title + ", type=" + type + ", typeLabel=" + typeLabel + ", affected=" + affected
				+ ", core20Share=" + core20Share + ", core20Statement=" + core20Statement
				+ ", areasNamed=" + areasNamed + "]";
	}

}
