package uk.nhs.equitylens.lens.fact;

/**
 * An answer to a form question that the proposal document does not define itself: a question added
 * to a form reaches the rules as one of these, with no Java change. A rule reads it as, for example,
 * {@code Answer(question == "travel.longestJourneyMinutes", number > 60)}.
 *
 * @param question the question id, dotted for nested keys
 * @param text the answer as text ("true", "NONE", "75")
 * @param number the answer as a number when it is one, else {@code null}
 */
public record Answer(String question, String text, Double number) {

	public boolean isNumeric() {
		return number != null;
	}

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "Answer[question=" + question + ", text=" + text + ", number=" + number + "]";
	}

}
