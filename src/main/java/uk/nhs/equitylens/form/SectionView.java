package uk.nhs.equitylens.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.form.FormDefinition.Choice;
import uk.nhs.equitylens.form.FormDefinition.Question;
import uk.nhs.equitylens.form.FormDefinition.Section;

/**
 * One page of the form ready to render: each question with its options, what to show in each field
 * (what was just posted if the page is shown again with errors, else what is saved) and the errors
 * on it. Templates read this and nothing else.
 */
public record SectionView(Section section, List<QuestionView> questions, List<FormError> errors, int number,
		int of) {

	public static SectionView of(FormAnswers answers, FormDefinition form, Section section, ObjectNode document,
			Map<String, List<String>> posted, List<FormError> errors) {
		Map<String, String> messages = new LinkedHashMap<>();
		errors.forEach(e -> messages.putIfAbsent(e.anchor(), e.message()));
		List<QuestionView> questions = new ArrayList<>();
		for (Question question : section.questions()) {
			questions.add(QuestionView.of(answers, question, document, posted, messages));
		}
		return new SectionView(section, questions, errors, form.sections().indexOf(section) + 1, form.sections().size());
	}

	/** For templates: {@code ${view.errors}} with the error summary fragment. */
	public List<FormError> getErrors() {
		return errors;
	}

	/** A question on the page. */
	public record QuestionView(Question question, String type, List<OptionView> options, String value,
			List<String> values, String day, String month, String year, String error, String conditionQuestion,
			List<String> conditionValues) {

		static QuestionView of(FormAnswers answers, Question question, ObjectNode document,
				Map<String, List<String>> posted, Map<String, String> messages) {
			String id = question.id();
			boolean reposted = !posted.isEmpty();
			String value = reposted ? first(posted, id) : answers.display(question, document);
			List<String> values = reposted ? posted.getOrDefault(id, List.of()) : answers.ticked(question, document);
			List<OptionView> options = new ArrayList<>();
			for (Choice choice : answers.forms().options(question)) {
				options.add(OptionView.of(answers, question, choice, document, posted, messages));
			}
			return new QuestionView(question, question.type().name(), options, value, values,
					reposted ? first(posted, id + "-day") : answers.datePart(question, document, "day"),
					reposted ? first(posted, id + "-month") : answers.datePart(question, document, "month"),
					reposted ? first(posted, id + "-year") : answers.datePart(question, document, "year"),
					messages.get(question.anchor()),
					question.showWhen() == null ? null : question.showWhen().question(),
					question.showWhen() == null ? List.of() : question.showWhen().in());
		}

		public String getAnchor() {
			return question.anchor();
		}

		public boolean isChecked(String code) {
			return values.contains(code);
		}

	}

	/**
	 * An option of a question; for cohort and barrier questions also the answers given for it (the
	 * impact and evidence, or the severity and note) and the errors on them.
	 */
	public record OptionView(String code, String label, String hint, String impact, String evidence, boolean ticked,
			String severity, String note, String impactError, String severityError, String textError) {

		static OptionView of(FormAnswers answers, Question question, Choice choice, ObjectNode document,
				Map<String, List<String>> posted, Map<String, String> messages) {
			String base = question.id() + "." + choice.code();
			boolean reposted = !posted.isEmpty();
			ObjectNode entry = answers.entry(question, document, choice.code());
			String impact = reposted ? first(posted, base + ".impact") : field(entry, "impact");
			String evidence = reposted ? first(posted, base + ".evidence") : field(entry, "evidence");
			boolean ticked = reposted ? posted.getOrDefault(question.id(), List.of()).contains(choice.code())
					: entry != null;
			String severity = reposted ? first(posted, base + ".severity") : field(entry, "severity");
			String note = reposted ? first(posted, base + ".note") : field(entry, "note");
			String textError = messages.getOrDefault(FormAnswers.anchor(question, choice.code(), "evidence"),
					messages.get(FormAnswers.anchor(question, choice.code(), "note")));
			return new OptionView(choice.code(), choice.label(), choice.hint(), impact, evidence, ticked, severity, note,
					messages.get(FormAnswers.anchor(question, choice.code(), "impact")),
					messages.get(FormAnswers.anchor(question, choice.code(), "severity")), textError);
		}

		private static String field(ObjectNode entry, String name) {
			return entry == null || !entry.hasNonNull(name) ? "" : entry.get(name).asString();
		}

	}

	private static String first(Map<String, List<String>> posted, String name) {
		List<String> values = posted.get(name);
		return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
	}

}
