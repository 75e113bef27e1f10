package uk.nhs.equitylens.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import uk.nhs.equitylens.assessment.TestAssessor;
import uk.nhs.equitylens.bench.HandWrittenRules.HandFinding;
import uk.nhs.equitylens.lens.LensEngine;
import uk.nhs.equitylens.lens.LensFacts;
import uk.nhs.equitylens.lens.LensOutcome;
import uk.nhs.equitylens.lens.TestRulebase;
import uk.nhs.equitylens.lens.fact.Finding;
import uk.nhs.equitylens.lens.fact.RequiredMitigation;
import uk.nhs.equitylens.scenario.Scenarios;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's hand-written evaluation is only a fair limit while it computes what the rules
 * compute: for every valid scenario document it must give exactly the findings (severity, points,
 * words, cohorts, barriers and required mitigation) that the engine gives for the five rules it
 * stands in for.
 */
class HandWrittenRulesTest {

	private static final Comparator<HandFinding> ORDER = Comparator.comparing(HandFinding::ruleId)
		.thenComparing(HandFinding::explanation)
		.thenComparing(f -> f.cohorts().toString())
		.thenComparing(f -> f.barriers().toString());

	@Test
	void givesTheFindingsOfTheFiveRulesItStandsInForForEveryScenario() {
		LensEngine engine = TestRulebase.engine();
		TreeSet<String> seen = new TreeSet<>();
		int documents = 0;
		for (Scenarios.ScenarioFile file : Scenarios.load()) {
			if (file.scenario().expect().invalid()) {
				continue;
			}
			documents++;
			LensFacts facts = TestAssessor.facts(file.scenario().given());
			List<HandFinding> expected = fromEngine(engine.evaluate(facts));
			List<HandFinding> actual = HandWrittenRules.evaluate(facts).stream().map(HandWrittenRulesTest::normal).sorted(ORDER).toList();
			assertThat(actual).as(file.fileName()).containsExactlyElementsOf(expected);
			expected.forEach(f -> seen.add(f.ruleId()));
		}
		assertThat(documents).isGreaterThan(30);
		// every one of the five rules is compared on at least one document, so none is compared vacuously
		assertThat(seen).containsExactlyInAnyOrderElementsOf(HandWrittenRules.RULE_IDS);
	}

	/** Cohorts in code order: a {@code collect} gives them in the engine's own order, which means nothing. */
	private static HandFinding normal(HandFinding f) {
		return new HandFinding(f.ruleId(), f.severity(), f.points(), f.explanation(),
				f.cohorts().stream().sorted().toList(), f.barriers(), f.mitigation(), f.reason());
	}

	private static List<HandFinding> fromEngine(LensOutcome outcome) {
		Map<Finding, RequiredMitigation> requirements = new IdentityHashMap<>();
		outcome.requirements().forEach(r -> requirements.put(r.finding(), r));
		List<HandFinding> findings = new ArrayList<>();
		for (Finding finding : outcome.findings()) {
			if (!HandWrittenRules.RULE_IDS.contains(finding.getRuleId())) {
				continue;
			}
			assertThat(finding.getRequirementCount()).as(finding.getRuleId() + " requires one mitigation").isEqualTo(1);
			RequiredMitigation requirement = requirements.get(finding);
			findings.add(normal(new HandFinding(finding.getRuleId(), finding.getSeverity(), finding.getPoints(),
					finding.getExplanation(), finding.getCohorts(), finding.getBarriers(), requirement.code(),
					requirement.reason())));
		}
		findings.sort(ORDER);
		return findings;
	}

}
