package uk.nhs.equitylens.lens.fact;

/**
 * What the proposal rests on.
 *
 * @param dataDisaggregated whether the data were split by deprivation and ethnicity
 * @param sourcesGiven whether any source of evidence was named
 */
public record Evidence(boolean dataDisaggregated, boolean sourcesGiven) {
}
