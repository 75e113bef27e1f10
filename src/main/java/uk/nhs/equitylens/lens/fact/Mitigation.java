package uk.nhs.equitylens.lens.fact;

/** A mitigation the proposal carries, from the catalogue. */
public record Mitigation(String code, MitigationStatus status) {

	/** COMMITTED or DONE: counts toward the residual rating. */
	public boolean isCounted() {
		return status.counts();
	}

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "Mitigation[code=" + code + ", status=" + status + "]";
	}

}
