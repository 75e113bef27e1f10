package uk.nhs.equitylens.lens.fact;

/** Where a mitigation stands; only COMMITTED and DONE count toward the residual rating. */
public enum MitigationStatus {

	PROPOSED, COMMITTED, DONE;

	public boolean counts() {
		return this != PROPOSED;
	}

}
