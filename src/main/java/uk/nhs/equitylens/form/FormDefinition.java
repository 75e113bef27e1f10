package uk.nhs.equitylens.form;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An assessment form as data ({@code forms/*.yaml}): sections of questions whose ids are keys of the
 * proposal document (dotted for nested keys, e.g. {@code population.affected}). A question the
 * proposal document does not know is kept in the document under its own key and reaches the rules
 * as an {@code Answer} fact.
 */
public record FormDefinition(String id, String version, String title, List<Section> sections) {

	public FormDefinition {
		sections = sections == null ? List.of() : List.copyOf(sections);
	}

	public Optional<Section> section(String sectionId) {
		return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
	}

	public Stream<Question> questions() {
		return sections.stream().flatMap(s -> s.questions().stream());
	}

	public Optional<Question> question(String questionId) {
		return questions().filter(q -> q.id().equals(questionId)).findFirst();
	}

	/** A page of the form. */
	public record Section(String id, String title, String intro, List<Question> questions) {

		public Section {
			questions = questions == null ? List.of() : List.copyOf(questions);
		}

	}

	/**
	 * One question.
	 *
	 * @param id the proposal document key it answers, dotted for nested keys
	 * @param options the vocabulary list its options come from ({@code cohorts}, {@code barriers},
	 * {@code clinicalAreas}, {@code proposalTypes}, {@code boards}, {@code mitigations}) or
	 * {@code null} when it lists its own {@code choices}
	 * @param category for cohort questions, only the cohorts of this vocabulary category
	 * @param showWhen asked only when another question's answer is one of the given values
	 * @param error the message when a required answer is missing, e.g. "Enter the title of the
	 * proposal"; a plain default is used when absent
	 * @param none for checkboxes, the label of an exclusive last option meaning "none of these": it
	 * stores an empty list, which is an answer, where ticking nothing stores no answer at all
	 */
	public record Question(String id, QuestionType type, String label, String hint, Boolean required,
			Integer maxLength, Long min, Long max, String options, String category, List<Choice> choices,
			Condition showWhen, String error, String none) {

		public Question {
			required = Boolean.TRUE.equals(required);
			choices = choices == null ? List.of() : List.copyOf(choices);
		}

		/** The HTML id of the question's first input: the target of error summary links. */
		public String anchor() {
			return id.replace('.', '-') + (category == null ? "" : "-" + category);
		}

		/** Whether the question offers an exclusive "none of these" option (checkboxes only). */
		public boolean hasNone() {
			return none != null && !none.isBlank();
		}

		/** The message when a required answer is missing. */
		public String missing() {
			if (error != null) {
				return error;
			}
			return switch (type) {
				case RADIOS, CHECKBOXES, YES_NO, COHORT_IMPACTS, BARRIER_SEVERITIES -> "Select an answer: " + label;
				default -> "Enter an answer: " + label;
			};
		}

	}

	/** An option a question lists itself. */
	public record Choice(String code, String label, String hint) {
	}

	/** Ask a question only when {@code question}'s answer is one of {@code in}. */
	public record Condition(String question, List<String> in) {

		public Condition {
			in = in == null ? List.of() : List.copyOf(in);
		}

	}

}
