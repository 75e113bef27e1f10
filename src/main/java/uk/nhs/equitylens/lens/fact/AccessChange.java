package uk.nhs.equitylens.lens.fact;

/**
 * What happens to a way into the service ({@code access_changes} in the vocabulary).
 *
 * @param inferred the document did not say, so the rules inferred it from the proposal type
 */
public record AccessChange(String code, String label, boolean inferred) {


}
