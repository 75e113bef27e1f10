package uk.nhs.equitylens.proposal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.nhs.equitylens.proposal.ProposalDocument.CohortAnswer;
import uk.nhs.equitylens.vocabulary.Term;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * Whether a proposal document is complete enough to submit ({@code shared/spec/proposal.md},
 * version 2): CORE20 and each of the nine protected characteristics answered, a NEUTRAL answer with
 * its reason in {@code evidence}, and every NEGATIVE or POSITIVE answer with its evidence. UNKNOWN
 * is an honest answer and needs none. A draft and a dry run may be incomplete; a submission may
 * not. Separate from {@link ProposalValidator}, which says whether a document can be assessed at all.
 */
public final class Completeness {

	/** The cohort category whose codes must all be answered, besides CORE20. */
	static final String PROTECTED = "protected";

	static final String CORE20 = "CORE20";

	private final Vocabulary vocabulary;

	public Completeness(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	/**
	 * Each answer missing for submission, in the vocabulary's order of cohorts: the answer itself
	 * ({@code cohorts[AGE]}) or its evidence ({@code cohorts[AGE].evidence}). Empty when complete.
	 */
	public List<Violation> check(ProposalDocument document) {
		Map<String, CohortAnswer> answers = new LinkedHashMap<>();
		for (CohortAnswer answer : document.cohorts()) {
			if (answer != null && answer.code() != null) {
				answers.putIfAbsent(answer.code(), answer);
			}
		}
		List<Violation> missing = new ArrayList<>();
		for (Term cohort : vocabulary.cohorts().values()) {
			boolean required = CORE20.equals(cohort.code()) || PROTECTED.equals(cohort.category());
			CohortAnswer answer = answers.get(cohort.code());
			if (required && (answer == null || blank(answer.impact()))) {
				missing.add(new Violation(field(cohort), unanswered(cohort)));
			}
			else if (answer != null && !blank(answer.impact()) && blank(answer.evidence())) {
				String why = why(answer.impact(), cohort);
				if (why != null) {
					missing.add(new Violation(field(cohort) + ".evidence", why));
				}
			}
		}
		return missing;
	}

	/** Whether {@link #check} finds nothing missing. */
	public boolean isComplete(ProposalDocument document) {
		return check(document).isEmpty();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String field(Term cohort) {
		return "cohorts[" + cohort.code() + "]";
	}

	private static String unanswered(Term cohort) {
		if (CORE20.equals(cohort.code())) {
			return "Say how the change affects people living in the most deprived 20% of areas (Core20) "
					+ "(use UNKNOWN if not known)";
		}
		return "Say how the change affects people sharing the protected characteristic of "
				+ cohort.label().toLowerCase(Locale.UK) + " (use UNKNOWN if not known)";
	}

	/** What an answer without evidence lacks; null when it needs none (UNKNOWN). */
	private static String why(String impact, Term cohort) {
		String who = who(cohort);
		return switch (impact) {
			case "NEUTRAL" -> "Give the reason for expecting no difference for " + who;
			case "NEGATIVE" -> "Give the evidence that the change leaves " + who + " worse off";
			case "POSITIVE" -> "Give the evidence that the change leaves " + who + " better off";
			default -> null;
		};
	}

	/** The people meant, as the middle of a sentence; other groups by their label, as written. */
	private static String who(Term cohort) {
		if (CORE20.equals(cohort.code())) {
			return "people in the most deprived 20% of areas";
		}
		if (PROTECTED.equals(cohort.category())) {
			return "people sharing the protected characteristic of " + cohort.label().toLowerCase(Locale.UK);
		}
		return "this group (" + cohort.label() + ")";
	}

}
