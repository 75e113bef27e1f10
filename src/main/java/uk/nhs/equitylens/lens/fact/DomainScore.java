package uk.nhs.equitylens.lens.fact;

/** A lens domain's score before ({@code inherent}) and after committed mitigations ({@code residual}). */
public record DomainScore(String domain, int inherent, int residual) {
}
