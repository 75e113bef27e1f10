package uk.nhs.equitylens.lens.fact;

/** The overall score 0..100 before and after committed mitigations. */
public record Score(int inherent, int residual) {
}
