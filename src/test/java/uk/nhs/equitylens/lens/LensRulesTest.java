package uk.nhs.equitylens.lens;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import uk.nhs.equitylens.lens.fact.Finding;
import uk.nhs.equitylens.lens.fact.Impact;
import uk.nhs.equitylens.lens.fact.MitigationStatus;
import uk.nhs.equitylens.lens.fact.RequiredMitigation;
import uk.nhs.equitylens.lens.fact.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lens rules without Spring: facts in, fired rules (seen by the engine's listener) and findings
 * out. Each test states one thing a governance analyst relies on.
 */
class LensRulesTest {

	@Test
	void aWellPreparedChangeWithNoHarmIsLowAndRaisesNothing() {
		LensOutcome outcome = Given.aWellPreparedChange().cohort("CORE20", Impact.NEUTRAL).evaluate();

		assertThat(outcome.findings()).isEmpty();
		assertThat(outcome.rating()).isEqualTo("LOW");
		assertThat(outcome.score()).isZero();
		assertThat(outcome.firedRules()).contains("THR-001", "CLS-004", "RAT-001", "RAT-002", "RAT-003", "RAT-004")
			.doesNotContain("CLS-003");
	}

	@Test
	void unknownNeverScoresBelowNeutralForAnyCohort() {
		for (String code : Given.VOCABULARY.cohorts().keySet()) {
			int neutral = Given.aWellPreparedChange().cohort(code, Impact.NEUTRAL).evaluate().score();
			LensOutcome unknown = Given.aWellPreparedChange().cohort(code, Impact.UNKNOWN).evaluate();

			assertThat(unknown.score()).as(code).isGreaterThan(neutral);
			assertThat(unknown.findingRuleIds()).as(code).contains("EVD-001");
			assertThat(unknown.requirements()).as(code)
				.extracting(RequiredMitigation::code)
				.contains("DATA_IMPROVEMENT");
		}
	}

	@Test
	void aNegativeImpactOnAnyCohortRaisesAFindingAndNeverLowersTheScore() {
		Given base = Given.aWellPreparedChange().type("RELOCATION").cohort("AGE", Impact.NEGATIVE)
			.barrier("TRAVEL_DISTANCE", Severity.MEDIUM);
		int before = base.evaluate().score();
		for (String code : Given.VOCABULARY.cohorts().keySet()) {
			if (code.equals("AGE")) {
				continue;
			}
			LensOutcome after = Given.aWellPreparedChange().type("RELOCATION").cohort("AGE", Impact.NEGATIVE)
				.barrier("TRAVEL_DISTANCE", Severity.MEDIUM)
				.cohort(code, Impact.NEGATIVE)
				.evaluate();

			assertThat(after.score()).as(code).isGreaterThanOrEqualTo(before);
			assertThat(after.findings()).as(code).anySatisfy(f -> assertThat(f.getCohorts()).contains(code));
		}
	}

	@Test
	void everyBarrierRaisesAFindingWithItsRemedyAndNeverLowersTheScore() {
		int before = Given.aWellPreparedChange().cohort("CORE20", Impact.NEGATIVE).evaluate().score();
		for (String code : Given.VOCABULARY.barriers().keySet()) {
			for (Severity severity : Severity.values()) {
				LensOutcome after = Given.aWellPreparedChange().cohort("CORE20", Impact.NEGATIVE)
					.barrier(code, severity)
					.evaluate();

				assertThat(after.score()).as(code + " " + severity).isGreaterThanOrEqualTo(before);
				assertThat(after.findings()).as(code)
					.filteredOn(f -> f.getRuleId().equals("ACC-010"))
					.singleElement()
					.satisfies(f -> {
						assertThat(f.getSeverity()).isEqualTo(severity);
						assertThat(f.getBarriers()).containsExactly(code);
						assertThat(f.getExplanation()).contains(Given.VOCABULARY.barriers().get(code).label().substring(1));
					});
				assertThat(after.requirements()).as(code).anySatisfy(r -> assertThat(r.ruleId()).isEqualTo("ACC-010"));
			}
		}
	}

	@Test
	void changesThatRemoveARouteOfAccessWeighAccessFindingsMore() {
		LensOutcome newService = Given.aWellPreparedChange().type("NEW_SERVICE")
			.cohort("RURAL_ISOLATED", Impact.NEGATIVE)
			.barrier("TRAVEL_DISTANCE", Severity.HIGH)
			.barrier("DIGITAL_ONLY", Severity.HIGH)
			.evaluate();
		Map<String, String> routeLossRule = Map.of("CLOSURE_REDUCTION", "CLS-003", "RELOCATION", "CLS-003",
				"DIGITAL_CHANNEL", "CLS-006", "POLICY_CRITERIA", "CLS-007");
		routeLossRule.forEach((type, rule) -> {
			LensOutcome removing = Given.aWellPreparedChange().type(type)
				.cohort("RURAL_ISOLATED", Impact.NEGATIVE)
				.barrier("TRAVEL_DISTANCE", Severity.HIGH)
				.barrier("DIGITAL_ONLY", Severity.HIGH)
				.evaluate();

			assertThat(removing.firedRules()).as(type).contains(rule, "CLS-008").doesNotContain("CLS-004");
			assertThat(removing.domainScores().get("access").inherent()).as(type)
				.isGreaterThan(newService.domainScores().get("access").inherent());
		});
	}

	@Test
	void aDigitalChannelBesideTheExistingRoutesOrLooserCriteriaRemoveNoRoute() {
		LensOutcome addedChannel = Given.aWellPreparedChange().type("DIGITAL_CHANNEL")
			.cohort("AGE", Impact.NEUTRAL)
			.barrier("HEALTH_LITERACY", Severity.LOW)
			.evaluate();
		LensOutcome looserCriteria = Given.aWellPreparedChange().type("POLICY_CRITERIA")
			.cohort("CORE20", Impact.POSITIVE)
			.evaluate();

		assertThat(addedChannel.firedRules()).contains("CLS-004").doesNotContain("CLS-006", "CLS-008");
		assertThat(looserCriteria.firedRules()).contains("CLS-004").doesNotContain("CLS-007", "CLS-008");
	}

	@Test
	void leavingTheLensBlankNeverLooksSafe() {
		LensOutcome blank = Given.aWellPreparedChange().type("CLOSURE_REDUCTION").affected(30000).core20Share(null)
			.evidence(false, false)
			.engagement(false, false)
			.monitoring(false, false, false)
			.evaluate();

		assertThat(blank.findingRuleIds()).contains("COH-011", "ACC-015", "EVD-005", "EVD-009", "MON-001");
		assertThat(blank.rating()).isIn("HIGH", "SEVERE");
	}

	@Test
	void digitalOnlyMeetingOlderAndCore20PeopleIsAFindingOfItsOwnThatRequiresANonDigitalRoute() {
		LensOutcome outcome = Given.aWellPreparedChange().type("DIGITAL_CHANNEL").affected(12000).core20Share(0.34)
			.cohort("CORE20", Impact.NEGATIVE)
			.cohort("AGE", Impact.NEGATIVE)
			.barrier("DIGITAL_ONLY", Severity.HIGH)
			.evaluate();

		Finding interaction = outcome.findings().stream().filter(f -> f.getRuleId().equals("ACC-001")).findFirst()
			.orElseThrow();
		assertThat(interaction.getSeverity()).isEqualTo(Severity.HIGH);
		assertThat(interaction.getCohorts()).containsExactlyInAnyOrder("CORE20", "AGE");
		assertThat(interaction.getBarriers()).containsExactly("DIGITAL_ONLY");
		assertThat(interaction.getExplanation()).contains("34% of the 12,000 people affected", "digital channel change",
				"online");
		assertThat(outcome.requirements()).filteredOn(r -> r.ruleId().equals("ACC-001"))
			.extracting(RequiredMitigation::code)
			.containsExactly("NON_DIGITAL_ROUTE");
		RuleFiring firing = outcome.firings().stream().filter(f -> f.ruleId().equals("ACC-001")).findFirst().orElseThrow();
		assertThat(firing.facts()).anySatisfy(fact -> assertThat(fact).contains("DIGITAL_ONLY"));
	}

	@Test
	void overlappingCohortsWorseOffAreAFindingOfTheirOwn() {
		LensOutcome apart = Given.aWellPreparedChange().cohort("AGE", Impact.NEGATIVE).evaluate();
		LensOutcome together = Given.aWellPreparedChange().cohort("AGE", Impact.NEGATIVE)
			.cohort("DIGITALLY_EXCLUDED", Impact.NEGATIVE)
			.evaluate();

		assertThat(apart.findingRuleIds()).doesNotContain("INT-001");
		assertThat(together.findings()).filteredOn(f -> f.getRuleId().equals("INT-001"))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.getCohorts()).containsExactlyInAnyOrder("AGE", "DIGITALLY_EXCLUDED");
				assertThat(f.getExplanation()).contains("older people are the least likely to be online");
			});
	}

	@Test
	void committingEachRequiredMitigationNeverRaisesTheResidualAndAllOfThemLowerTheRating() {
		Given risky = Given.aWellPreparedChange().type("CLOSURE_REDUCTION").affected(60000).core20Share(0.4)
			.cohort("CORE20", Impact.NEGATIVE)
			.cohort("HOMELESS", Impact.NEGATIVE)
			.cohort("UNPAID_CARER", Impact.NEGATIVE)
			.barrier("TRAVEL_DISTANCE", Severity.HIGH)
			.barrier("REGISTRATION_ID", Severity.MEDIUM)
			.engagement(false, false)
			.monitoring(false, false, false);
		LensOutcome before = risky.evaluate();
		Set<String> required = before.requirements().stream().map(RequiredMitigation::code)
			.collect(Collectors.toCollection(java.util.TreeSet::new));
		assertThat(before.rating()).isEqualTo("SEVERE");

		int residual = before.residualScore();
		for (String code : required) {
			risky.mitigation(code, MitigationStatus.PROPOSED);
			assertThat(risky.evaluate().residualScore()).as("PROPOSED " + code + " counts for nothing")
				.isEqualTo(residual);
			risky.mitigation(code, MitigationStatus.COMMITTED);
			int now = risky.evaluate().residualScore();
			assertThat(now).as("committing " + code).isLessThanOrEqualTo(residual);
			residual = now;
		}
		LensOutcome after = risky.evaluate();
		assertThat(after.score()).isEqualTo(before.score());
		assertThat(after.residualRating()).isIn("LOW", "MODERATE");
		assertThat(after.firedRules()).contains("RES-001");
	}

	@Test
	void everyDomainStaysWithinItsCapAndTheScoreWithin100() {
		Given everything = Given.aWellPreparedChange().type("CLOSURE_REDUCTION").affected(90_000_000).core20Share(1.0)
			.evidence(false, false)
			.engagement(false, false)
			.monitoring(false, false, false);
		Given.VOCABULARY.cohorts().keySet().forEach(code -> everything.unevidencedCohort(code, Impact.NEGATIVE));
		Given.VOCABULARY.barriers().keySet().forEach(code -> everything.barrier(code, Severity.HIGH));
		Given.VOCABULARY.clinicalAreas().keySet().forEach(everything::clinicalArea);

		LensOutcome outcome = everything.evaluate();

		assertThat(outcome.score()).isBetween(90, 100);
		assertThat(outcome.rating()).isEqualTo("SEVERE");
		assertThat(outcome.domainScores().get("cohorts").inherent()).isLessThanOrEqualTo(30);
		assertThat(outcome.domainScores().get("access").inherent()).isLessThanOrEqualTo(30);
		assertThat(outcome.domainScores().get("clinical").inherent()).isLessThanOrEqualTo(15);
		assertThat(outcome.domainScores().get("evidence").inherent()).isLessThanOrEqualTo(15);
		assertThat(outcome.domainScores().get("monitoring").inherent()).isLessThanOrEqualTo(10);
	}

	@Test
	void improvingThingsForCore20AndPlusGroupsInACore20Plus5AreaEarnsEquityBenefit() {
		LensOutcome outcome = Given.aWellPreparedChange().type("NEW_SERVICE")
			.cohort("CORE20", Impact.POSITIVE)
			.cohort("SEVERE_MENTAL_ILLNESS", Impact.POSITIVE)
			.clinicalArea("SEVERE_MENTAL_ILLNESS")
			.evaluate();

		assertThat(outcome.firedRules()).contains("BEN-001", "BEN-002", "BEN-003", "RAT-005");
		assertThat(outcome.equityBenefit()).isEqualTo(60);
		assertThat(outcome.rating()).isEqualTo("LOW");
	}

	@Test
	void theSameFactsAlwaysGiveTheSameOutcome() {
		Given given = Given.aWellPreparedChange().type("RELOCATION").affected(30000).core20Share(0.25)
			.cohort("CORE20", Impact.NEGATIVE)
			.cohort("ETHNIC_MINORITY", Impact.UNKNOWN)
			.cohort("VULNERABLE_MIGRANT", Impact.NEGATIVE)
			.barrier("LANGUAGE", Severity.MEDIUM)
			.barrier("TRAVEL_COST", Severity.HIGH)
			.engagement(true, false);

		LensOutcome first = given.evaluate();
		LensOutcome second = given.evaluate();

		assertThat(second.score()).isEqualTo(first.score());
		assertThat(second.residualScore()).isEqualTo(first.residualScore());
		assertThat(second.findings()).extracting(Finding::getExplanation)
			.containsExactlyElementsOf(first.findings().stream().map(Finding::getExplanation).toList());
		assertThat(second.firedRules()).containsExactlyElementsOf(first.firedRules());
	}

	@Test
	void aRulebaseWithNoRuleInOneLayerStillEvaluatesTheOthers() {
		// residual.drl holds the only rule of the "mitigate" layer
		Rulebase withoutMitigation = new RulebaseLoader().load(RuleFiles.fromFolder(TestRulebase.RULES)
			.stream()
			.filter(file -> !file.path().equals("lens/residual.drl"))
			.toList());
		LensFacts facts = Given.aWellPreparedChange().type("RELOCATION").cohort("AGE", Impact.NEGATIVE)
			.barrier("TRAVEL_DISTANCE", Severity.MEDIUM)
			.mitigation("TRANSPORT_SUPPORT", MitigationStatus.COMMITTED)
			.facts();

		LensOutcome outcome = new LensEngine(withoutMitigation).evaluate(facts);

		assertThat(outcome.findingRuleIds()).contains("ACC-002", "ACC-010");
		assertThat(outcome.firedRules()).doesNotContain("RES-001");
		assertThat(outcome.residualScore()).isEqualTo(outcome.score());
	}

}
