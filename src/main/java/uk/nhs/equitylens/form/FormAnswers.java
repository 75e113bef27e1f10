package uk.nhs.equitylens.form;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.form.FormDefinition.Choice;
import uk.nhs.equitylens.form.FormDefinition.Question;
import uk.nhs.equitylens.form.FormDefinition.Section;

/**
 * Answers between the page and the proposal document, driven only by the form definition: reads
 * what a page posted into the document (a JSON object, partial while a draft), checks answers
 * against their question (required, type, options, ranges, lengths, conditions) and gives back what
 * to show in each field. A question added to the form needs no change here.
 */
public final class FormAnswers {

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	static final List<String> IMPACTS = List.of("POSITIVE", "NEUTRAL", "NEGATIVE", "UNKNOWN");

	static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH");

	/** The value a checkbox question's exclusive "none of these" option posts; it stores an empty list. */
	public static final String NONE = "NONE";

	private static final Pattern SPLIT = Pattern.compile("[\\s,;]+");

	private final Forms forms;

	public FormAnswers(Forms forms) {
		this.forms = forms;
	}

	public Forms forms() {
		return forms;
	}

	/**
	 * Puts what a page posted into {@code document}: every answer that can be read is kept, even when
	 * others on the page are wrong, so nothing typed is lost; returns the problems to show.
	 */
	public List<FormError> bind(FormDefinition form, Section section, Map<String, List<String>> posted,
			ObjectNode document) {
		List<FormError> errors = new ArrayList<>();
		for (Question question : section.questions()) {
			bindQuestion(section, question, posted, document, errors);
		}
		for (Question question : section.questions()) {
			if (!applies(question, document)) {
				remove(document, question.id());
			}
			else if (question.required() && isMissing(question, document)
					&& errors.stream().noneMatch(e -> e.anchor().equals(question.anchor()))) {
				errors.add(new FormError(section.id(), question.id(), question.anchor(), question.missing()));
			}
		}
		return errors;
	}

	/** Every problem with a whole document under this form: what stops it being submitted. */
	public List<FormError> check(FormDefinition form, ObjectNode document) {
		List<FormError> errors = new ArrayList<>();
		for (Section section : form.sections()) {
			for (Question question : section.questions()) {
				if (!applies(question, document)) {
					continue;
				}
				if (question.required() && isMissing(question, document)) {
					errors.add(new FormError(section.id(), question.id(), question.anchor(), question.missing()));
					continue;
				}
				checkStored(section, question, document, errors);
			}
		}
		return errors;
	}

	/** Whether a question is asked, given the answers so far (its {@code showWhen} condition). */
	public boolean applies(Question question, ObjectNode document) {
		if (question.showWhen() == null) {
			return true;
		}
		JsonNode answer = get(document, question.showWhen().question());
		return answer != null && !answer.isNull() && question.showWhen().in().contains(text(answer));
	}

	/** What to show in a simple field: the stored answer as the page writes it. */
	public String display(Question question, ObjectNode document) {
		JsonNode value = get(document, question.id());
		if (value == null || value.isNull() || question.type() == QuestionType.COHORT_IMPACTS
				|| question.type() == QuestionType.BARRIER_SEVERITIES) {
			return "";
		}
		return switch (question.type()) {
			case PERCENT -> value.isNumber() ? new BigDecimal(value.asString()).movePointRight(2).stripTrailingZeros()
				.toPlainString() : value.asString();
			case AREA_CODES -> value.isArray() ? value.valueStream().map(FormAnswers::text).collect(Collectors.joining("\n"))
					: value.asString();
			case CHECKBOXES -> value.isArray() ? value.valueStream().map(FormAnswers::text).collect(Collectors.joining(","))
					: value.asString();
			default -> text(value);
		};
	}

	/** The codes ticked for a checkbox question. */
	public List<String> ticked(Question question, ObjectNode document) {
		JsonNode value = get(document, question.id());
		if (question.type() != QuestionType.CHECKBOXES || value == null || !value.isArray()) {
			return List.of();
		}
		if (value.isEmpty() && question.hasNone()) {
			return List.of(NONE);
		}
		return value.valueStream().map(FormAnswers::text).toList();
	}

	/** For a date question, its day, month and year. */
	public String datePart(Question question, ObjectNode document, String part) {
		JsonNode value = get(document, question.id());
		if (question.type() != QuestionType.DATE || value == null || !value.isString()) {
			return "";
		}
		try {
			LocalDate date = LocalDate.parse(value.asString());
			return switch (part) {
				case "day" -> String.valueOf(date.getDayOfMonth());
				case "month" -> String.valueOf(date.getMonthValue());
				default -> String.valueOf(date.getYear());
			};
		}
		catch (DateTimeException ex) {
			return "";
		}
	}

	/** The stored entry of a cohort or barrier list for one code, e.g. {code, impact, evidence}. */
	public ObjectNode entry(Question question, ObjectNode document, String code) {
		JsonNode list = document.get(question.id());
		if (list != null && list.isArray()) {
			for (JsonNode item : list) {
				if (item.isObject() && code.equals(item.path("code").asString(null))) {
					return (ObjectNode) item;
				}
			}
		}
		return null;
	}

	/** A readable answer for the check-your-answers page. */
	public List<String> summary(Question question, ObjectNode document) {
		JsonNode value = get(document, question.id());
		if (value != null && value.isArray() && value.isEmpty() && question.hasNone()) {
			return List.of(question.none());
		}
		if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
			return List.of();
		}
		Map<String, String> labels = forms.options(question).stream()
			.collect(Collectors.toMap(Choice::code, Choice::label, (a, b) -> a, LinkedHashMap::new));
		switch (question.type()) {
			case YES_NO:
				return List.of(value.asBoolean() ? "Yes" : "No");
			case PERCENT:
				return List.of(display(question, document) + "%");
			case RADIOS:
				return List.of(labels.getOrDefault(value.asString(), value.asString()));
			case CHECKBOXES:
			case AREA_CODES:
				return value.valueStream().map(v -> labels.getOrDefault(text(v), text(v))).toList();
			case COHORT_IMPACTS: {
				List<String> lines = new ArrayList<>();
				for (Choice choice : forms.options(question)) {
					ObjectNode entry = entry(question, document, choice.code());
					if (entry != null && entry.hasNonNull("impact")) {
						String evidence = entry.path("evidence").asString("");
						lines.add(choice.label() + ": " + impactLabel(entry.get("impact").asString())
								+ (evidence.isBlank() ? "" : " (evidence: " + evidence + ")"));
					}
				}
				return lines;
			}
			case BARRIER_SEVERITIES: {
				List<String> lines = new ArrayList<>();
				for (Choice choice : forms.options(question)) {
					ObjectNode entry = entry(question, document, choice.code());
					if (entry != null) {
						String severity = entry.path("severity").asString("");
						lines.add(choice.label() + (severity.isEmpty() ? "" : ": " + severity.toLowerCase(Locale.UK)));
					}
				}
				return lines;
			}
			default:
				return List.of(text(value));
		}
	}

	public static String impactLabel(String impact) {
		return switch (impact) {
			case "POSITIVE" -> "Better off";
			case "NEUTRAL" -> "No difference";
			case "NEGATIVE" -> "Worse off";
			case "UNKNOWN" -> "Not known";
			default -> impact;
		};
	}

	private void bindQuestion(Section section, Question question, Map<String, List<String>> posted,
			ObjectNode document, List<FormError> errors) {
		String id = question.id();
		String value = first(posted, id);
		switch (question.type()) {
			case TEXT, TEXTAREA -> {
				if (value.isEmpty()) {
					remove(document, id);
				}
				else if (question.maxLength() != null && value.length() > question.maxLength()) {
					set(document, id, NODES.stringNode(value));
					errors.add(error(section, question, question.label() + " must be "
							+ String.format(Locale.UK, "%,d", question.maxLength()) + " characters or fewer (you entered "
							+ String.format(Locale.UK, "%,d", value.length()) + ")"));
				}
				else {
					set(document, id, NODES.stringNode(value));
				}
			}
			case INTEGER -> {
				if (value.isEmpty()) {
					remove(document, id);
					return;
				}
				String digits = value.replace(",", "").replace(" ", "");
				if (!digits.matches("-?\\d{1,15}")) {
					errors.add(error(section, question, question.label() + " must be a whole number, like 12000"));
					return;
				}
				long number = Long.parseLong(digits);
				if (!inRange(question, number)) {
					errors.add(error(section, question, question.label() + " must be between "
							+ String.format(Locale.UK, "%,d", question.min()) + " and "
							+ String.format(Locale.UK, "%,d", question.max())));
					return;
				}
				set(document, id, NODES.numberNode(number));
			}
			case PERCENT -> {
				if (value.isEmpty()) {
					remove(document, id);
					return;
				}
				String number = value.replace("%", "").trim();
				if (!number.matches("\\d{1,3}(\\.\\d{1,2})?")) {
					errors.add(error(section, question, question.label() + " must be a percentage between 0 and 100, like 34"));
					return;
				}
				BigDecimal percent = new BigDecimal(number);
				if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
					errors.add(error(section, question, question.label() + " must be a percentage between 0 and 100, like 34"));
					return;
				}
				set(document, id, NODES.numberNode(percent.movePointLeft(2).doubleValue()));
			}
			case DATE -> {
				String day = first(posted, id + "-day");
				String month = first(posted, id + "-month");
				String year = first(posted, id + "-year");
				if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
					remove(document, id);
					return;
				}
				try {
					LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
					set(document, id, NODES.stringNode(date.toString()));
				}
				catch (NumberFormatException | DateTimeException ex) {
					errors.add(error(section, question, question.label() + " must be a real date, like 31 3 2027"));
				}
			}
			case YES_NO -> {
				if (value.isEmpty()) {
					remove(document, id);
				}
				else if (value.equals("true") || value.equals("false")) {
					set(document, id, NODES.booleanNode(Boolean.parseBoolean(value)));
				}
				else {
					errors.add(error(section, question, question.missing()));
				}
			}
			case RADIOS -> {
				if (value.isEmpty()) {
					remove(document, id);
				}
				else if (codes(question).contains(value)) {
					set(document, id, NODES.stringNode(value));
				}
				else {
					errors.add(error(section, question, question.missing()));
				}
			}
			case CHECKBOXES -> {
				List<String> allowed = codes(question);
				List<String> ticked = posted.getOrDefault(id, List.of());
				ArrayNode list = NODES.arrayNode();
				ticked.stream().filter(allowed::contains).distinct().forEach(list::add);
				boolean none = question.hasNone() && ticked.contains(NONE);
				if (none && !list.isEmpty()) {
					// the page's script unticks the others; without it, ask rather than guess
					errors.add(error(section, question,
							"Select the options that apply, or '" + question.none() + "', not both"));
				}
				else if (none) {
					set(document, id, list);
				}
				else if (list.isEmpty()) {
					remove(document, id);
				}
				else {
					set(document, id, list);
				}
			}
			case AREA_CODES -> {
				ArrayNode list = NODES.arrayNode();
				for (String code : SPLIT.split(value)) {
					if (!code.isBlank()) {
						list.add(code.trim().toUpperCase(Locale.UK));
					}
				}
				if (list.isEmpty()) {
					remove(document, id);
				}
				else {
					set(document, id, list);
				}
			}
			case COHORT_IMPACTS -> bindCohorts(section, question, posted, document, errors);
			case BARRIER_SEVERITIES -> bindBarriers(section, question, posted, document, errors);
		}
	}

	private void bindCohorts(Section section, Question question, Map<String, List<String>> posted,
			ObjectNode document, List<FormError> errors) {
		List<String> codes = codes(question);
		ArrayNode kept = keepOthers(document, question.id(), codes);
		for (String code : codes) {
			String impact = first(posted, question.id() + "." + code + ".impact");
			if (impact.isEmpty()) {
				continue;
			}
			if (!IMPACTS.contains(impact)) {
				errors.add(new FormError(section.id(), question.id(), anchor(question, code, "impact"),
						"Select how the change affects this group"));
				continue;
			}
			ObjectNode entry = NODES.objectNode().put("code", code).put("impact", impact);
			// every answer keeps its text: the evidence, or for NEUTRAL the reason for no difference
			String evidence = first(posted, question.id() + "." + code + ".evidence");
			if (evidence.length() > 4000) {
				errors.add(new FormError(section.id(), question.id(), anchor(question, code, "evidence"),
						"Evidence must be 4,000 characters or fewer"));
			}
			if (!evidence.isEmpty()) {
				entry.put("evidence", evidence);
			}
			kept.add(entry);
		}
		document.set(question.id(), kept);
	}

	private void bindBarriers(Section section, Question question, Map<String, List<String>> posted,
			ObjectNode document, List<FormError> errors) {
		List<String> codes = codes(question);
		List<String> tickedCodes = posted.getOrDefault(question.id(), List.of());
		ArrayNode kept = keepOthers(document, question.id(), codes);
		for (String code : codes) {
			if (!tickedCodes.contains(code)) {
				continue;
			}
			ObjectNode entry = NODES.objectNode().put("code", code);
			String severity = first(posted, question.id() + "." + code + ".severity");
			if (SEVERITIES.contains(severity)) {
				entry.put("severity", severity);
			}
			else {
				String label = forms.options(question).stream().filter(c -> c.code().equals(code)).map(Choice::label)
					.findFirst().orElse(code);
				errors.add(new FormError(section.id(), question.id(), anchor(question, code, "severity"),
						"Select how severe this barrier is: " + label));
			}
			String note = first(posted, question.id() + "." + code + ".note");
			if (!note.isEmpty()) {
				if (note.length() > 2000) {
					errors.add(new FormError(section.id(), question.id(), anchor(question, code, "note"),
							"The note must be 2,000 characters or fewer"));
				}
				entry.put("note", note);
			}
			kept.add(entry);
		}
		document.set(question.id(), kept);
	}

	/** The list's entries for codes this question does not ask about (other sections' cohorts). */
	private static ArrayNode keepOthers(ObjectNode document, String id, List<String> codes) {
		ArrayNode kept = NODES.arrayNode();
		JsonNode existing = document.get(id);
		if (existing != null && existing.isArray()) {
			for (JsonNode item : existing) {
				if (!codes.contains(item.path("code").asString(""))) {
					kept.add(item);
				}
			}
		}
		return kept;
	}

	private void checkStored(Section section, Question question, ObjectNode document, List<FormError> errors) {
		JsonNode value = get(document, question.id());
		if (value == null || value.isNull()) {
			return;
		}
		boolean wrong = switch (question.type()) {
			case TEXT, TEXTAREA -> !value.isString()
					|| (question.maxLength() != null && value.asString().length() > question.maxLength());
			// a number too big for a long (or a double) is out of range, not a reason to fail
			case INTEGER -> !value.isIntegralNumber() || !value.canConvertToLong() || !inRange(question, value.longValue());
			case PERCENT -> !value.isNumber() || !isFraction(value.numberValue().doubleValue());
			case YES_NO -> !value.isBoolean();
			case RADIOS -> !value.isString() || !codes(question).contains(value.asString());
			case CHECKBOXES -> !value.isArray()
					|| value.valueStream().anyMatch(v -> !v.isString() || !codes(question).contains(v.asString()));
			case DATE -> !value.isString() || !isDate(value.asString());
			case AREA_CODES, COHORT_IMPACTS, BARRIER_SEVERITIES -> !value.isArray();
		};
		if (wrong) {
			errors.add(error(section, question, "Check your answer: " + question.label()));
		}
	}

	private boolean isMissing(Question question, ObjectNode document) {
		JsonNode value = get(document, question.id());
		if (value == null || value.isNull()) {
			return true;
		}
		if (value.isArray()) {
			if (question.type() == QuestionType.COHORT_IMPACTS || question.type() == QuestionType.BARRIER_SEVERITIES) {
				List<String> codes = codes(question);
				return value.valueStream().noneMatch(v -> codes.contains(v.path("code").asString("")));
			}
			return value.isEmpty() && !question.hasNone();
		}
		return value.isString() && value.asString().isBlank();
	}

	private List<String> codes(Question question) {
		return forms.options(question).stream().map(Choice::code).toList();
	}

	private static boolean inRange(Question question, long number) {
		return (question.min() == null || number >= question.min()) && (question.max() == null || number <= question.max());
	}

	private static boolean isFraction(double number) {
		return number >= 0 && number <= 1;
	}

	private static boolean isDate(String text) {
		try {
			LocalDate.parse(text);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	/**
	 * Where a problem with a document field (as the validator names it: {@code population.affected},
	 * {@code cohorts[2].impact}) is put right on this form: its section and input.
	 */
	public FormError locate(FormDefinition form, ObjectNode document, String field, String message) {
		java.util.regex.Matcher byCode = Pattern.compile("^([\\w.]+)\\[([A-Z][A-Z0-9_]*)\\](?:\\.(\\w+))?$").matcher(field);
		if (byCode.find()) {
			// a list entry named by its code (cohorts[AGE], cohorts[AGE].evidence): the question that asks it
			String listCode = byCode.group(2);
			String part = byCode.group(3) == null ? "impact" : byCode.group(3);
			for (Section section : form.sections()) {
				for (Question question : section.questions()) {
					if (question.id().equals(byCode.group(1)) && codes(question).contains(listCode)) {
						return new FormError(section.id(), field, anchor(question, listCode, part), message);
					}
				}
			}
		}
		String questionId = field.replaceAll("\\[[^\\]]+\\].*$", "");
		String code = null;
		java.util.regex.Matcher item = Pattern.compile("^([\\w.]+)\\[(\\d+)\\](?:\\.(\\w+))?").matcher(field);
		if (item.find()) {
			JsonNode list = get(document, item.group(1));
			int index = Integer.parseInt(item.group(2));
			if (list != null && list.isArray() && index < list.size() && list.get(index).isObject()) {
				code = list.get(index).path("code").asString(null);
			}
			String part = item.group(3);
			for (Section section : form.sections()) {
				for (Question question : section.questions()) {
					if (question.id().equals(questionId) && (code == null || codes(question).contains(code))) {
						String anchor = code != null && part != null ? anchor(question, code, part) : question.anchor();
						return new FormError(section.id(), field, anchor, message);
					}
				}
			}
		}
		for (Section section : form.sections()) {
			for (Question question : section.questions()) {
				if (question.id().equals(questionId)) {
					return new FormError(section.id(), field, question.anchor(), message);
				}
			}
		}
		String first = form.sections().isEmpty() ? "" : form.sections().get(0).id();
		return new FormError(first, field, "", message);
	}

	/** The input an error on one code of a list question links to, e.g. {@code cohorts-CORE20-impact}. */
	public static String anchor(Question question, String code, String field) {
		return question.id().replace('.', '-') + "-" + code + "-" + field;
	}

	private static FormError error(Section section, Question question, String message) {
		return new FormError(section.id(), question.id(), question.anchor(), message);
	}

	private static String first(Map<String, List<String>> posted, String name) {
		List<String> values = posted.get(name);
		if (values == null || values.isEmpty() || values.get(0) == null) {
			return "";
		}
		return values.get(0).strip();
	}

	private static String text(JsonNode value) {
		return value.isValueNode() ? value.asString() : value.toString();
	}

	/** The value at a dotted path, or null. */
	public static JsonNode get(ObjectNode document, String path) {
		JsonNode node = document;
		for (String key : path.split("\\.")) {
			if (node == null || !node.isObject()) {
				return null;
			}
			node = node.get(key);
		}
		return node;
	}

	static void set(ObjectNode document, String path, JsonNode value) {
		String[] keys = path.split("\\.");
		ObjectNode node = document;
		for (int i = 0; i < keys.length - 1; i++) {
			JsonNode child = node.get(keys[i]);
			if (child == null || !child.isObject()) {
				child = node.putObject(keys[i]);
			}
			node = (ObjectNode) child;
		}
		node.set(keys[keys.length - 1], value);
	}

	static void remove(ObjectNode document, String path) {
		String[] keys = path.split("\\.");
		JsonNode node = document;
		for (int i = 0; i < keys.length - 1; i++) {
			node = node.get(keys[i]);
			if (node == null || !node.isObject()) {
				return;
			}
		}
		((ObjectNode) node).remove(keys[keys.length - 1]);
	}

}
