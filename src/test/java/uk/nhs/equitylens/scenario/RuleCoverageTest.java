package uk.nhs.equitylens.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import uk.nhs.equitylens.lens.RuleInfo;
import uk.nhs.equitylens.lens.TestRulebase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios together exercise the whole rulebase: every rule fires in at least one valid
 * scenario, and every rule is named in at least one scenario's {@code findings} or {@code fired}
 * expectation, so that a rule's behaviour is pinned by a scenario and not merely touched by one.
 * A rule that never fires is listed with the file and line it lives in.
 */
class RuleCoverageTest {

	/**
	 * Rules that no scenario can reach, each with the reason. A scenario is one document; these
	 * rules need what a document cannot carry. Kept as short as possible: each entry must name a
	 * rule of the rulebase, and a rule listed here that a scenario does reach must be taken off.
	 */
	static final Map<String, String> OUT_OF_REACH = Map.of("CUM-001",
			"cumulative pressure comes from other stored proposals (Assessor context), which a scenario document cannot carry");

	@Test
	void everyRuleFiresInSomeScenario() {
		List<Scenarios.ScenarioFile> valid = validScenarios();
		Set<String> fired = new TreeSet<>();
		for (Scenarios.ScenarioFile file : valid) {
			fired.addAll(ScenarioTest.evaluate(file).firedRules());
		}
		List<RuleInfo> rules = TestRulebase.get().rules();
		List<RuleInfo> neverFired = rules.stream()
			.filter(rule -> !fired.contains(rule.ruleId()) && !OUT_OF_REACH.containsKey(rule.ruleId()))
			.toList();
		List<String> reachedAfterAll = OUT_OF_REACH.keySet().stream().filter(fired::contains).toList();
		assertThat(reachedAfterAll).as("rules listed as out of reach of a scenario that a scenario does fire").isEmpty();
		assertThat(rules.stream().map(RuleInfo::ruleId).toList()).as("rules listed as out of reach must exist")
			.containsAll(OUT_OF_REACH.keySet());
		System.out.println("Rule coverage: " + (rules.size() - neverFired.size()) + "/" + rules.size()
				+ " rules fired across " + valid.size() + " scenarios");
		assertThat(neverFired)
			.withFailMessage(() -> neverFired.size() + " rule(s) never fire in any scenario of " + Scenarios.FOLDER
					+ ": " + where(neverFired))
			.isEmpty();
	}

	@Test
	void everyRuleIsExpectedBySomeScenario() {
		Set<String> expected = validScenarios().stream()
			.map(file -> file.scenario().expect())
			.flatMap(expect -> Stream.concat(expect.findingsOrEmpty().stream(), expect.fired().stream()))
			.collect(Collectors.toCollection(TreeSet::new));
		List<RuleInfo> notExpected = TestRulebase.get()
			.rules()
			.stream()
			.filter(rule -> !expected.contains(rule.ruleId()) && !OUT_OF_REACH.containsKey(rule.ruleId()))
			.toList();
		assertThat(notExpected)
			.withFailMessage(() -> notExpected.size() + " rule(s) are named in no scenario's findings or fired: "
					+ where(notExpected))
			.isEmpty();
	}

	private static List<Scenarios.ScenarioFile> validScenarios() {
		return Scenarios.load().stream().filter(file -> !file.scenario().expect().invalid()).toList();
	}

	private static String where(List<RuleInfo> rules) {
		return rules.stream()
			.map(rule -> rule.ruleId() + " \"" + rule.name() + "\" (" + rule.file() + " line " + rule.line() + ")")
			.collect(Collectors.joining(", "));
	}

}
