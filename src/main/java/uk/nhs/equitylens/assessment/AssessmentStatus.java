package uk.nhs.equitylens.assessment;

/** Where an assessment is in its life; review states come with the board's review. */
public enum AssessmentStatus {

	/** Being answered; saved at every page, not yet assessed by the rules. */
	DRAFT,
	/** Validated, assessed by the rules, waiting for the board. */
	SUBMITTED

}
