package uk.nhs.equitylens.proposal;

/**
 * One thing wrong with a proposal document.
 *
 * @param field the path of the field at fault, as the document names it: {@code title},
 * {@code population.affected}, {@code cohorts[2].impact}
 */
public record Violation(String field, String message) {
}
