package uk.nhs.equitylens.scenario;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import uk.nhs.equitylens.assessment.AssessmentResult;
import uk.nhs.equitylens.assessment.AssessmentResult.RequiredMitigationView;
import uk.nhs.equitylens.assessment.TestAssessor;
import uk.nhs.equitylens.lens.RuleInfo;
import uk.nhs.equitylens.lens.TestRulebase;
import uk.nhs.equitylens.proposal.InvalidProposalException;
import uk.nhs.equitylens.proposal.Violation;
import uk.nhs.equitylens.vocabulary.Vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * One dynamic test per scenario file in {@code rules/scenarios}: the proposal document goes through
 * the whole lens ({@link TestAssessor}, no Spring) and every expectation the file states is
 * checked. A failure names the file, the expectation that failed and what the lens actually
 * concluded. Every result is also held to what holds for all assessments: required mitigations
 * come from the vocabulary's catalogue and every explanation reads as a sentence. A second factory
 * checks that each scenario evaluates to the same result twice.
 */
class ScenarioTest {

	private static final Vocabulary VOCABULARY = Vocabulary.load();

	@TestFactory
	Stream<DynamicTest> scenarios() {
		return Scenarios.files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
				file.toUri(), () -> check(Scenarios.read(file))));
	}

	@TestFactory
	Stream<DynamicTest> sameDocumentGivesTheSameResult() {
		return Scenarios.files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
				file.toUri(), () -> checkDeterministic(Scenarios.read(file))));
	}

	private static void check(Scenarios.ScenarioFile file) {
		Scenario.Expect expect = file.scenario().expect();
		checkNamesAreKnown(file);
		if (expect.invalid()) {
			checkRejected(file);
			return;
		}
		AssessmentResult result = evaluate(file);
		String actual = describe(result);
		SoftAssertions softly = new SoftAssertions();
		int tolerance = Scenario.Expect.SCORE_TOLERANCE;
		softly.assertThat(findingRules(result))
			.as(what(file, "expect.findings (the exact set of rules making a finding)", actual))
			.isEqualTo(new TreeSet<>(expect.findings()));
		softly.assertThat(result.score())
			.as(what(file, "expect.score " + expect.score() + " +-" + tolerance, actual))
			.isBetween(expect.score() - tolerance, expect.score() + tolerance);
		softly.assertThat(result.rating()).as(what(file, "expect.rating", actual)).isEqualTo(expect.rating());
		softly.assertThat(result.residualScore())
			.as(what(file, "expect.residualScore " + expect.residualScore() + " +-" + tolerance, actual))
			.isBetween(expect.residualScore() - tolerance, expect.residualScore() + tolerance);
		softly.assertThat(result.residualRating())
			.as(what(file, "expect.residualRating", actual))
			.isEqualTo(expect.residualRating());
		softly.assertThat(result.assurance().level())
			.as(what(file, "expect.assurance", actual))
			.isEqualTo(expect.assurance());
		if (!expect.equityBenefit().isEmpty()) {
			softly.assertThat(result.equityBenefit())
				.as(what(file, "expect.equityBenefit", actual))
				.isBetween(expect.equityBenefit().get(0), expect.equityBenefit().get(1));
		}
		if (!expect.fired().isEmpty()) {
			softly.assertThat(result.firedRules()).as(what(file, "expect.fired", actual)).containsAll(expect.fired());
		}
		List<String> required = requiredCodes(result);
		if (!expect.requiredMitigations().isEmpty()) {
			softly.assertThat(required)
				.as(what(file, "expect.requiredMitigations", actual))
				.containsAll(expect.requiredMitigations());
		}
		if (!expect.notRequired().isEmpty()) {
			softly.assertThat(required)
				.as(what(file, "expect.notRequired", actual))
				.doesNotContainAnyElementsOf(expect.notRequired());
		}
		if (expect.deprivationSource() != null) {
			softly.assertThat(result.deprivation().source())
				.as(what(file, "expect.deprivationSource", actual))
				.isEqualTo(expect.deprivationSource());
		}
		checkEveryResult(softly, file, result, actual);
		softly.assertAll();
	}

	/** What holds for every assessment, whatever the scenario expects. */
	private static void checkEveryResult(SoftAssertions softly, Scenarios.ScenarioFile file, AssessmentResult result,
			String actual) {
		softly.assertThat(requiredCodes(result).stream().filter(code -> !VOCABULARY.mitigations().containsKey(code)))
			.as(what(file, "required mitigation codes that are not in the vocabulary's mitigation catalogue", actual))
			.isEmpty();
		for (AssessmentResult.FindingView finding : result.findings()) {
			softly.assertThat(finding.explanation())
				.as(what(file, "the explanation of a " + finding.ruleId() + " finding reads as a sentence", actual))
				.isNotBlank()
				.doesNotContain("null");
		}
		for (RequiredMitigationView mitigation : result.requiredMitigations()) {
			softly.assertThat(mitigation.reason())
				.as(what(file, "the reason for " + mitigation.code() + " (" + mitigation.ruleId()
						+ ") reads as a sentence", actual))
				.isNotBlank()
				.doesNotContain("null");
		}
		for (AssessmentResult.BenefitView benefit : result.benefits()) {
			softly.assertThat(benefit.explanation())
				.as(what(file, "the explanation of a " + benefit.ruleId() + " benefit reads as a sentence", actual))
				.isNotBlank()
				.doesNotContain("null");
		}
	}

	private static void checkRejected(Scenarios.ScenarioFile file) {
		InvalidProposalException rejection = catchThrowableOfType(InvalidProposalException.class,
				() -> TestAssessor.get().evaluate(file.scenario().given()));
		if (rejection == null) {
			AssessmentResult result = TestAssessor.get().evaluate(file.scenario().given()).result();
			fail("%s: expect.violations %s, but the document was accepted; actual %s", file.fileName(),
					file.scenario().expect().violations(), describe(result));
		}
		List<String> fields = rejection.violations().stream().map(Violation::field).toList();
		assertThat(fields).as("%s: expect.violations; actual violations %s", file.fileName(), rejection.violations())
			.containsAll(file.scenario().expect().violations());
	}

	private static void checkDeterministic(Scenarios.ScenarioFile file) {
		Object first = outcome(file);
		Object second = outcome(file);
		assertThat(second).as("%s: the same document gives the same result", file.fileName()).isEqualTo(first);
	}

	/** The result of evaluating the scenario's document, or the violations it was rejected with. */
	private static Object outcome(Scenarios.ScenarioFile file) {
		try {
			return TestAssessor.get().evaluate(file.scenario().given()).result();
		}
		catch (InvalidProposalException ex) {
			return ex.violations();
		}
	}

	/** Rule ids and mitigation codes an expectation names must exist, or the expectation checks nothing. */
	private static void checkNamesAreKnown(Scenarios.ScenarioFile file) {
		Set<String> ruleIds = TestRulebase.get().rules().stream().map(RuleInfo::ruleId).collect(Collectors.toSet());
		Scenario.Expect expect = file.scenario().expect();
		List<String> unknownRules = expect.ruleIds().stream().filter(id -> !ruleIds.contains(id)).toList();
		List<String> unknownCodes = expect.mitigationCodes()
			.stream()
			.filter(code -> !VOCABULARY.mitigations().containsKey(code))
			.toList();
		assertThat(unknownRules).as("%s: rule ids named in expect that are not rules of the rulebase", file.fileName())
			.isEmpty();
		assertThat(unknownCodes)
			.as("%s: mitigation codes named in expect that are not in the mitigation catalogue", file.fileName())
			.isEmpty();
	}

	static AssessmentResult evaluate(Scenarios.ScenarioFile file) {
		try {
			return TestAssessor.get().evaluate(file.scenario().given()).result();
		}
		catch (InvalidProposalException ex) {
			throw new AssertionError(file.fileName() + ": the document was rejected, but the scenario expects an "
					+ "assessment; violations " + ex.violations(), ex);
		}
	}

	/** The description of a failed check: the scenario file, what was expected, and what the lens concluded. */
	private static String what(Scenarios.ScenarioFile file, String expectation, String actual) {
		return file.fileName() + ": " + expectation + "; actual " + actual;
	}

	/** The result in one line: rating, scores, finding rule ids and required codes (+ when satisfied). */
	static String describe(AssessmentResult result) {
		return "rating " + result.rating() + " (residual " + result.residualRating() + "), score " + result.score()
				+ " (residual " + result.residualScore() + "), assurance " + result.assurance().level()
				+ ", equity benefit " + result.equityBenefit()
				+ ", deprivation source " + (result.deprivation() == null ? "-" : result.deprivation().source())
				+ ", findings " + result.findings().stream().map(AssessmentResult.FindingView::ruleId).toList()
				+ ", required " + result.requiredMitigations()
					.stream()
					.map(m -> m.code() + (m.satisfied() ? "+" : ""))
					.toList();
	}

	private static Set<String> findingRules(AssessmentResult result) {
		return result.findings()
			.stream()
			.map(AssessmentResult.FindingView::ruleId)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static List<String> requiredCodes(AssessmentResult result) {
		return result.requiredMitigations().stream().map(RequiredMitigationView::code).toList();
	}

}
