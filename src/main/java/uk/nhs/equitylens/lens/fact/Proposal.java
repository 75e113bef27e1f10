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
 * share of; {@code null} when the share is unknown
 * @param areasNamed how many area codes the proposal named
 * @param accessChangesGiven whether the document says what happens to the ways in ({@code accessChanges},
 * possibly empty); when it does not, the rules infer it from the type
 */
public record Proposal(String title, String type, String typeLabel, long affected, Double core20Share,
		String core20Statement, int areasNamed, boolean accessChangesGiven) {

	public boolean isCore20ShareKnown() {
		return core20Share != null;
	}

	/** The share, 0 when not known: an unknown share adds no weight. */
	public double getKnownCore20Share() {
		return core20Share == null ? 0 : core20Share;
	}


}
