package uk.nhs.equitylens.lens.fact;

/**
 * The proposal as a whole: what kind of change it is, how many people it touches and how many of
 * them live in Core20 areas.
 *
 * @param type proposal type code, e.g. {@code DIGITAL_CHANNEL}
 * @param typeLabel the vocabulary label of the type
 * @param affected people affected
 * @param core20Share fraction 0..1 of the affected population in Core20 areas; {@code null} when
 * neither given nor derivable from the areas named
 * @param core20Basis what the share is a share of, for explanations: "of the 12,000 people
 * affected" or "of the 6 areas named (IoD 2025)"
 */
public record Proposal(String title, String type, String typeLabel, int affected, Double core20Share,
		String core20Basis) {

	public boolean isCore20ShareKnown() {
		return core20Share != null;
	}

}
