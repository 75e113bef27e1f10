package uk.nhs.equitylens.lens.fact;

/** A lens domain's score before ({@code inherent}) and after committed mitigations ({@code residual}). */
public record DomainScore(String domain, int inherent, int residual) {

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "DomainScore[domain=" + domain + ", inherent=" + inherent + ", residual=" + residual + "]";
	}

}
