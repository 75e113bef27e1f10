package uk.nhs.equitylens.lens.fact;

/** Whether uptake and outcomes will be monitored, and split by deprivation and by ethnicity. */
public record Monitoring(boolean planned, boolean byDeprivation, boolean byEthnicity) {

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "Monitoring[planned=" + planned + ", byDeprivation=" + byDeprivation
				+ ", byEthnicity=" + byEthnicity + "]";
	}

}
