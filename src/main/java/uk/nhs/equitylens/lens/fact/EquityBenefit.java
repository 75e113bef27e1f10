package uk.nhs.equitylens.lens.fact;

/** The equity benefit 0..100 credited to the proposal. */
public record EquityBenefit(int value) {

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "EquityBenefit[value=" + value + "]";
	}

}
