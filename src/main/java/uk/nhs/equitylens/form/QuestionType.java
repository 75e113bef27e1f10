package uk.nhs.equitylens.form;

/**
 * The answer types a form question can have; each has one question pattern on the page, one way of
 * reading the posted answer and one way of checking it.
 */
public enum QuestionType {

	/** One line of text. */
	TEXT,
	/** Several lines of text. */
	TEXTAREA,
	/** A whole number, with optional min and max. */
	INTEGER,
	/** A percentage 0..100 on the page, stored as a fraction 0..1. */
	PERCENT,
	/** A date, day/month/year on the page, ISO-8601 in the document. */
	DATE,
	/** Yes or no, stored as true or false. */
	YES_NO,
	/** One of a list of options. */
	RADIOS,
	/** Any of a list of options, stored as a list of codes. */
	CHECKBOXES,
	/** Area codes (LSOA), one per line or separated by commas, stored as a list. */
	AREA_CODES,
	/** For each cohort option: the expected impact, and evidence when NEGATIVE or UNKNOWN. */
	COHORT_IMPACTS,
	/** For each barrier option ticked: its severity and a note. */
	BARRIER_SEVERITIES

}
