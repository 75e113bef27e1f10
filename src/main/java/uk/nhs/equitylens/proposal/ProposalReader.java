package uk.nhs.equitylens.proposal;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.JsonNodeException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a proposal document from JSON and, when a value has the wrong type, says which field and
 * what was expected, in the document's own terms ({@code population.affected}: expected a whole
 * number). Used by the API's error handling and by submission of stored answers alike.
 */
public final class ProposalReader {

	private static final Map<Class<?>, String> EXPECTED = Map.of(Long.class, "a whole number", Integer.class,
			"a whole number", Double.class, "a number", Boolean.class, "true or false", String.class, "text",
			java.time.LocalDate.class, "a date like 2027-03-31", List.class, "a list [...]");

	private final JsonMapper json;

	public ProposalReader(JsonMapper json) {
		this.json = json;
	}

	/** The document, or {@link InvalidProposalException} naming the field whose value has the wrong type. */
	public ProposalDocument read(JsonNode answers) {
		try {
			return json.treeToValue(answers, ProposalDocument.class);
		}
		catch (MismatchedInputException ex) {
			throw new InvalidProposalException(List.of(violation(ex)));
		}
		catch (InputCoercionException | JsonNodeException ex) {
			// a stored number too big for its field (past 2^63 for a whole number, past a double's range)
			throw new InvalidProposalException(List.of(outOfRange(ex)));
		}
	}

	/** The field whose number is too big for what it holds (a whole number past 2^63, say). */
	public static Violation outOfRange(JacksonException ex) {
		return new Violation(path(ex), "is out of range: the number is too big");
	}

	/** The field and what it should have been, for a value of the wrong type. */
	public static Violation violation(MismatchedInputException ex) {
		return new Violation(path(ex), expected(ex));
	}

	/** The JSON path in the document's own terms: {@code population.affected}, {@code cohorts[1].impact}. */
	public static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String expected(MismatchedInputException ex) {
		Class<?> target = ex.getTargetType();
		String wanted = target == null ? null : EXPECTED.get(target);
		if (wanted == null && target != null && target.isRecord()) {
			wanted = "an object {...}";
		}
		if (ex instanceof InvalidFormatException format && format.getValue() != null && wanted != null) {
			return "expected " + wanted + ", not '" + shorten(String.valueOf(format.getValue())) + "'";
		}
		return wanted == null ? "has the wrong type" : "expected " + wanted;
	}

	private static String shorten(String value) {
		return value.length() <= 40 ? value : value.substring(0, 37) + "...";
	}

}
