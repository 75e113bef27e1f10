package uk.nhs.equitylens.bench;

/** One line of the benchmark table: what was measured, the figure (median and spread), the target, whether it is met, and a note. */
public record Figure(String measure, String figure, String target, boolean met, String note) {
}
