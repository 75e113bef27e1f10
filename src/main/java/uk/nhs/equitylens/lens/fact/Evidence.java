package uk.nhs.equitylens.lens.fact;

/**
 * What the proposal rests on.
 *
 * @param dataDisaggregated whether the data were split by deprivation and ethnicity
 * @param sourcesGiven whether any source of evidence was named
 */
public record Evidence(boolean dataDisaggregated, boolean sourcesGiven) {

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "Evidence[dataDisaggregated=" + dataDisaggregated + ", sourcesGiven=" + sourcesGiven + "]";
	}

}
