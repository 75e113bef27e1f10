package uk.nhs.equitylens.lens.fact;

/** A mitigation the proposal carries, from the catalogue. */
public record Mitigation(String code, MitigationStatus status) {

	/** COMMITTED or DONE: counts toward the residual rating. */
	public boolean isCounted() {
		return status.counts();
	}

}
