package uk.nhs.equitylens.assessment;

/**
 * Where an assessment is in its life. DRAFT to SUBMITTED by the ambassador; then the board decides
 * (the decision codes of the vocabulary); CHANGES_REQUESTED goes back to the ambassador, who edits
 * and resubmits.
 */
public enum AssessmentStatus {

	/** Being answered; saved at every page, not yet assessed by the rules. */
	DRAFT,
	/** Validated, assessed by the rules, waiting for the board. */
	SUBMITTED,
	/** Approved by the board. */
	APPROVED,
	/** Approved with conditions, which are recorded with the decision. */
	APPROVED_WITH_CONDITIONS,
	/** Sent back to the ambassador to change and resubmit. */
	CHANGES_REQUESTED,
	/** Rejected by the board. */
	REJECTED;

	public boolean isDecision() {
		return this != DRAFT && this != SUBMITTED;
	}

	public boolean isApproval() {
		return this == APPROVED || this == APPROVED_WITH_CONDITIONS;
	}

}
