package uk.nhs.equitylens.lens.fact;

/** How serious a barrier or a finding is. */
public enum Severity {

	LOW, MEDIUM, HIGH;

	/** The severity of an amount against the marks from which it is HIGH and MEDIUM. */
	public static Severity of(double amount, double highFrom, double mediumFrom) {
		if (amount >= highFrom) {
			return HIGH;
		}
		return amount >= mediumFrom ? MEDIUM : LOW;
	}

}
