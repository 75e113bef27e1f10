package uk.nhs.equitylens.form;

/**
 * A problem with an answer, placed on the form: the section it is on, the document field, the id of
 * the input the error summary links to, and a message that says how to put it right.
 */
public record FormError(String section, String field, String anchor, String message) {

	/** For templates: {@code ${e.anchor}}. */
	public String getAnchor() {
		return anchor;
	}

	public String getMessage() {
		return message;
	}

}
