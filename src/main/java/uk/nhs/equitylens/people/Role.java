package uk.nhs.equitylens.people;

/** What a person may do in Equity Lens. */
public enum Role {

	/** Creates and edits assessments for the boards they belong to. */
	AMBASSADOR,
	/** Reviews and decides assessments for the boards they belong to. */
	BOARD_MEMBER,
	/** Reads everything, decides nothing, runs audits. */
	GOVERNANCE,
	/** Manages people, boards and the rulebase. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
