package uk.nhs.equitylens.lens.fact;

/**
 * A catalogue mitigation that answers a finding, from the remedy table, with the table's reason and
 * weight (how much of the finding it answers against its other remedies).
 */
public record RequiredMitigation(Finding finding, String code, double weight, String reason) {

	@Override
	public String toString() {
		return "RequiredMitigation[" + code + " for " + finding + "]";
	}

}
