package uk.nhs.equitylens.lens.fact;

/** The overall score 0..100 before and after committed mitigations. */
public record Score(int inherent, int residual) {

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "Score[inherent=" + inherent + ", residual=" + residual + "]";
	}

}
