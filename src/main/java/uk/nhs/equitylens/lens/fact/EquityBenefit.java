package uk.nhs.equitylens.lens.fact;

/** The equity benefit 0..100 credited to the proposal. */
public record EquityBenefit(int value) {
}
