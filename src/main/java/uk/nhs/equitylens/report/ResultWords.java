package uk.nhs.equitylens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import uk.nhs.equitylens.assessment.AssessmentResult;
import uk.nhs.equitylens.assessment.AssessmentResult.FindingView;
import uk.nhs.equitylens.assessment.AssessmentResult.RequiredMitigationView;
import uk.nhs.equitylens.vocabulary.Term;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * A lens result as the board reads it, shared by the result page, the review page and the board
 * paper so that the three say the same thing: harm apart from assurance, why a rating is
 * provisional (in words, not document paths), the ambassador's own rating beside the lens's. Results
 * stored before lens v2 have no assurance, mitigation credit or finding kinds; every method takes
 * them as they are (no assurance shown, every finding counted as harm).
 * <p>
 * Templates reach it as {@code words}: the pages through the bean {@code @resultWords}, the board
 * paper (rendered outside a request for the PDF) through its model.
 */
@Component("resultWords")
public class ResultWords {

	private static final Pattern COHORT_PATH = Pattern.compile("cohorts\\[([A-Z0-9_]+)\\](\\.evidence)?");

	private final Vocabulary vocabulary;

	ResultWords(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	/** Findings about harm (everything but assurance), in the lens's order. */
	public List<FindingView> harmFindings(AssessmentResult result) {
		return result.findings().stream().filter(f -> !f.assurance()).toList();
	}

	/** The gaps in how well founded the assessment is, apart from the harm. */
	public List<FindingView> assuranceFindings(AssessmentResult result) {
		return result.findings().stream().filter(FindingView::assurance).toList();
	}

	/** Required mitigations that reduce harm. */
	public List<RequiredMitigationView> harmMitigations(AssessmentResult result) {
		return result.requiredMitigations().stream().filter(m -> !m.assuranceAction()).toList();
	}

	/** Required mitigations that close a gap in the assessment (evidence, engagement, monitoring). */
	public List<RequiredMitigationView> assuranceActions(AssessmentResult result) {
		return result.requiredMitigations().stream().filter(RequiredMitigationView::assuranceAction).toList();
	}

	/** Why the rating is provisional, in one sentence; null when it is not. */
	public String provisionalReason(AssessmentResult result) {
		if (!result.provisional()) {
			return null;
		}
		int count = result.assurance() == null ? 0 : result.assurance().missing().size();
		return "The assessment is incomplete, so its rating and residual rating are provisional: they may change "
				+ "once " + (count == 0 ? "every required answer is given"
						: (count == 1 ? "this answer is given" : "these " + count + " answers are given"))
				+ ". An incomplete assessment cannot be submitted to the board.";
	}

	/** Each answer the assessment still needs, in words. */
	public List<String> missing(AssessmentResult result) {
		if (result.assurance() == null) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		result.assurance().missing().forEach(path -> lines.add(missing(path)));
		return lines;
	}

	/** One missing answer in words: {@code cohorts[RACE].evidence} is "Race: the evidence for the answer". */
	public String missing(String path) {
		Matcher matcher = COHORT_PATH.matcher(path);
		if (!matcher.matches()) {
			return path;
		}
		String who = vocabulary.cohort(matcher.group(1)).map(Term::label).orElse(matcher.group(1));
		return matcher.group(2) == null ? who + ": not answered (UNKNOWN is an honest answer)"
				: who + ": the evidence or reason for the answer given";
	}

	/** The assurance level's label ("Not well founded: ..."), or the code when the vocabulary lacks it. */
	public String assuranceLabel(String level) {
		Term term = vocabulary.assuranceLevels().get(level);
		return term == null ? level : term.label();
	}

	/** Whether the ambassador recorded a rating of their own. */
	public boolean hasAssessorView(AssessmentResult result) {
		return result.assessorView() != null && result.assessorView().rating() != null
				&& !result.assessorView().rating().isBlank();
	}

	/**
	 * How the ambassador's own rating compares with the lens's: negative when the ambassador rates
	 * lower, 0 the same, positive higher.
	 */
	public int assessorComparedWithLens(AssessmentResult result) {
		return Integer.compare(vocabulary.ratingRank(result.assessorView().rating()),
				vocabulary.ratingRank(result.rating()));
	}

	/** "Lens: HIGH. Ambassador: MODERATE — reason". */
	public String assessorLine(AssessmentResult result) {
		AssessmentResult.AssessorView view = result.assessorView();
		String reason = view.reason() == null || view.reason().isBlank() ? "" : " \u2014 " + view.reason().strip();
		return "Lens: " + result.rating() + ". Ambassador: " + view.rating() + reason;
	}

	/** Whether the ambassador and the lens differ, as the flag beside their ratings says it. */
	public String assessorFlag(AssessmentResult result) {
		int compared = assessorComparedWithLens(result);
		if (compared == 0) {
			return "Agrees with the lens";
		}
		return "Differs from the lens: the ambassador rates it " + (compared < 0 ? "lower" : "higher");
	}

	/** An assurance domain's name as a heading: "Evidence". */
	public String domainName(String domain) {
		return domain.isEmpty() ? domain : domain.substring(0, 1).toUpperCase(Locale.UK) + domain.substring(1);
	}

}
