package uk.nhs.equitylens.assessment;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases of the lens v2 issue's table, each named: what a board needs from the rating, the
 * residual and the assurance, for facts a careful equality lead would read the same way.
 */
class LensJudgementExamplesTest {

	private static final List<String> RATINGS = List.of("LOW", "MODERATE", "HIGH", "SEVERE");

	/** Closure, 80,000 people, 70% Core20, eight groups worse off incl. homeless people and migrants, four HIGH barriers. */
	private static Documents worstClosure() {
		return Documents.answered("CLOSURE_REDUCTION", 80_000)
			.core20Share(0.70)
			.accessChanges("CLOSES_A_ROUTE")
			.cohort("CORE20", "NEGATIVE")
			.cohort("HOMELESS", "NEGATIVE")
			.cohort("VULNERABLE_MIGRANT", "NEGATIVE")
			.cohort("OLDER_PEOPLE", "NEGATIVE")
			.cohort("DISABILITY", "NEGATIVE")
			.cohort("NOT_GP_REGISTERED", "NEGATIVE")
			.cohort("ETHNIC_MINORITY", "NEGATIVE")
			.cohort("RURAL_ISOLATED", "NEGATIVE")
			.barrier("TRAVEL_DISTANCE", "HIGH")
			.barrier("TRAVEL_COST", "HIGH")
			.barrier("REGISTRATION_ID", "HIGH")
			.barrier("LANGUAGE", "HIGH");
	}

	@Test
	void theWorstClosureIsSevereEvenWithExcellentEvidenceEngagementAndMonitoring() {
		AssessmentResult result = worstClosure().wellFounded().evaluate();

		assertThat(result.rating()).isEqualTo("SEVERE");
		assertThat(result.assurance().level()).isEqualTo("STRONG");
		assertThat(result.assurance().gaps()).isEmpty();
	}

	@Test
	void theSameClosureWithNoEvidenceKeepsItsHarmRatingAndHasWeakAssurance() {
		AssessmentResult founded = worstClosure().wellFounded().evaluate();
		AssessmentResult unfounded = worstClosure().unfounded().evaluate();

		assertThat(unfounded.rating()).isEqualTo(founded.rating());
		assertThat(unfounded.score()).isEqualTo(founded.score());
		assertThat(unfounded.assurance().level()).isEqualTo("WEAK");
		assertThat(unfounded.assurance().gaps()).contains("EVD-001", "EVD-002", "ENG-001", "MON-001");
		assertThat(unfounded.requiredMitigations()).extracting(AssessmentResult.RequiredMitigationView::code)
			.contains("DATA_IMPROVEMENT", "TARGETED_ENGAGEMENT", "EQUALITY_MONITORING");
	}

	@Test
	void aBlankClosureIsIncompleteProvisionalAndNamesEveryMissingAnswer() {
		AssessmentResult blank = Documents.blank("CLOSURE_REDUCTION", 30_000).evaluate();

		assertThat(blank.provisional()).isTrue();
		assertThat(blank.assurance().complete()).isFalse();
		assertThat(blank.assurance().level()).isEqualTo("WEAK");
		assertThat(blank.assurance().missing()).contains("cohorts[CORE20]", "cohorts[AGE]", "cohorts[DISABILITY]",
				"cohorts[GENDER_REASSIGNMENT]", "cohorts[MARRIAGE_CIVIL_PARTNERSHIP]", "cohorts[PREGNANCY_MATERNITY]",
				"cohorts[RACE]", "cohorts[RELIGION_BELIEF]", "cohorts[SEX]", "cohorts[SEXUAL_ORIENTATION]");
		assertThat(blank.assurance().gaps()).contains("CMP-001");
		// nothing answered is no harm shown: the rating is low and says it is provisional, the
		// assurance says why it cannot be relied on
		assertThat(blank.rating()).isEqualTo("LOW");
	}

	@Test
	void oneNeutralAnswerChangesNothingInTheHarm() {
		AssessmentResult blank = Documents.blank("CLOSURE_REDUCTION", 30_000).evaluate();
		AssessmentResult oneNeutral = Documents.blank("CLOSURE_REDUCTION", 30_000)
			.cohort("MARRIAGE_CIVIL_PARTNERSHIP", "NEUTRAL")
			.evaluate();

		assertThat(oneNeutral.score()).isEqualTo(blank.score());
		assertThat(oneNeutral.rating()).isEqualTo(blank.rating());
		assertThat(oneNeutral.residualScore()).isEqualTo(blank.residualScore());
	}

	@Test
	void negativeForEthnicMinorityCommunitiesIsNeverBelowUnknown() {
		Documents base = Documents.answered("SERVICE_CHANGE", 20_000).core20Share(0.3).barrier("LANGUAGE", "MEDIUM");
		AssessmentResult unknown = base.copy().cohort("ETHNIC_MINORITY", "UNKNOWN").evaluate();
		AssessmentResult negative = base.copy().cohort("ETHNIC_MINORITY", "NEGATIVE").evaluate();
		AssessmentResult neutral = base.copy().cohort("ETHNIC_MINORITY", "NEUTRAL").evaluate();

		assertThat(negative.score()).isGreaterThan(unknown.score());
		assertThat(unknown.score()).isEqualTo(neutral.score());
		assertThat(unknown.assurance().gaps()).contains("EVD-003");
		assertThat(unknown.assurance().domainScores().get("evidence"))
			.isLessThan(neutral.assurance().domainScores().get("evidence"));
	}

	@Test
	void aClinicClosingOnCore20PeopleIsAtLeastHighAndTwoTicksDoNotMakeItLow() {
		Documents clinic = Documents.answered("CLOSURE_REDUCTION", 6_000)
			.core20Share(0.62)
			.cohort("CORE20", "NEGATIVE")
			// the nearest other clinic is a bus ride that many without a car cannot make: people lose access
			.barrier("TRAVEL_DISTANCE", "HIGH");
		AssessmentResult inherent = clinic.copy().evaluate();
		AssessmentResult ticked = clinic.copy().committed("TRANSPORT_SUPPORT", "PROPORTIONATE_UNIVERSALISM").evaluate();

		assertThat(RATINGS.indexOf(inherent.rating())).isGreaterThanOrEqualTo(RATINGS.indexOf("HIGH"));
		assertThat(ticked.residualRating()).isNotEqualTo("LOW");
		assertThat(ticked.residualScore()).isLessThan(inherent.residualScore());
	}

	@Test
	void rulesAboutOlderPeopleNeverFireForChildren() {
		AssessmentResult result = Documents.answered("DIGITAL_CHANNEL", 4_000)
			.accessChanges("MAKES_A_ROUTE_DIGITAL")
			.cohort("AGE", "NEGATIVE")
			.cohort("CHILDREN_YOUNG_PEOPLE", "NEGATIVE")
			.barrier("DIGITAL_ONLY", "HIGH")
			.clinicalAreas("CYP_MENTAL_HEALTH")
			.evaluate();

		assertThat(result.findings()).extracting(AssessmentResult.FindingView::explanation)
			.noneMatch(text -> text.toLowerCase().contains("older"));
		assertThat(result.findings()).extracting(AssessmentResult.FindingView::ruleId).contains("CLN-001");
	}

	@Test
	void aDigitalOnlyBarrierIsOneFindingWhateverCohortsItMeets() {
		AssessmentResult result = Documents.answered("DIGITAL_CHANNEL", 12_000)
			.accessChanges("MAKES_A_ROUTE_DIGITAL")
			.cohort("CORE20", "NEGATIVE")
			.cohort("OLDER_PEOPLE", "NEGATIVE")
			.cohort("DIGITALLY_EXCLUDED", "NEGATIVE")
			.barrier("DIGITAL_ONLY", "HIGH")
			.evaluate();

		assertThat(result.findings()).filteredOn(f -> f.barriers().contains("DIGITAL_ONLY") && f.kind().equals("barrier"))
			.hasSize(1);
	}

	@Test
	void codesForTheSamePeopleAreNeverAnIntersectionAndCountOnce() {
		AssessmentResult both = Documents.answered("SERVICE_CHANGE", 5_000)
			.cohort("ETHNIC_MINORITY", "NEGATIVE")
			.cohort("RACE", "NEGATIVE")
			.cohort("DISABILITY", "NEGATIVE")
			.cohort("LEARNING_DISABILITY_AUTISM", "NEGATIVE")
			.cohort("AGE", "NEGATIVE")
			.cohort("OLDER_PEOPLE", "NEGATIVE")
			.evaluate();
		AssessmentResult larger = Documents.answered("SERVICE_CHANGE", 5_000)
			.cohort("ETHNIC_MINORITY", "NEGATIVE")
			.cohort("LEARNING_DISABILITY_AUTISM", "NEGATIVE")
			.cohort("OLDER_PEOPLE", "NEGATIVE")
			.evaluate();

		// each pair of same-people codes is one group: one cohort finding, at the larger weight
		assertThat(both.findings()).filteredOn(f -> f.kind().equals("cohort"))
			.extracting(f -> f.cohorts().get(0))
			.containsExactlyInAnyOrder("ETHNIC_MINORITY", "LEARNING_DISABILITY_AUTISM", "OLDER_PEOPLE");
		assertThat(both.findings()).filteredOn(f -> f.kind().equals("cohort"))
			.extracting(AssessmentResult.FindingView::points)
			.isEqualTo(larger.findings().stream().filter(f -> f.kind().equals("cohort"))
				.map(AssessmentResult.FindingView::points).toList());
		// and never an overlap of their own
		List<java.util.Set<String>> same = List.of(java.util.Set.of("ETHNIC_MINORITY", "RACE"),
				java.util.Set.of("DISABILITY", "LEARNING_DISABILITY_AUTISM"), java.util.Set.of("AGE", "OLDER_PEOPLE"));
		assertThat(both.findings()).filteredOn(f -> f.kind().equals("intersection"))
			.noneMatch(f -> same.contains(java.util.Set.copyOf(f.cohorts())));
		assertThat(both.score()).isGreaterThanOrEqualTo(larger.score());
	}

	@Test
	void aVaccinationProgrammeForOlderAndImmunosuppressedPeopleEarnsEquityBenefit() {
		AssessmentResult result = Documents.answered("NEW_SERVICE", 400_000)
			.accessChanges("ADDS_A_ROUTE")
			.cohort("OLDER_PEOPLE", "POSITIVE")
			.cohort("AGE", "POSITIVE")
			.cohort("DISABILITY", "POSITIVE")
			.clinicalAreas("CHRONIC_RESPIRATORY")
			.wellFounded()
			.evaluate();

		assertThat(result.equityBenefit()).isPositive();
		assertThat(result.rating()).isEqualTo("LOW");
	}

	@Test
	void clinicalAreasTickedWithoutAPositiveImpactEarnNoBenefit() {
		AssessmentResult result = Documents.answered("NEW_SERVICE", 10_000)
			.clinicalAreas("HYPERTENSION_LIPIDS", "CHRONIC_RESPIRATORY", "EARLY_CANCER_DIAGNOSIS", "SMOKING_CESSATION")
			.evaluate();

		assertThat(result.equityBenefit()).isZero();
	}

	@Test
	void aBenefitClaimedForPeopleFacingAHighBarrierIsAFindingAndEarnsNothing() {
		AssessmentResult result = Documents.answered("DIGITAL_CHANNEL", 10_000)
			.accessChanges("ADDS_A_ROUTE")
			.cohort("OLDER_PEOPLE", "POSITIVE")
			.barrier("DIGITAL_ONLY", "HIGH")
			.evaluate();

		assertThat(result.assurance().gaps()).contains("EVD-004");
		assertThat(result.benefits()).isEmpty();
	}

	@Test
	void routeLossFollowsTheAccessChangesNotTheProposalType() {
		Documents closure = Documents.answered("CLOSURE_REDUCTION", 8_000)
			.cohort("CORE20", "NEGATIVE")
			.barrier("TRAVEL_DISTANCE", "HIGH");
		AssessmentResult typedClosure = closure.copy().evaluate();
		Documents asServiceChange = Documents.answered("SERVICE_CHANGE", 8_000)
			.accessChanges("CLOSES_A_ROUTE")
			.cohort("CORE20", "NEGATIVE")
			.barrier("TRAVEL_DISTANCE", "HIGH");
		AssessmentResult saidClosure = asServiceChange.evaluate();
		AssessmentResult nothingChanges = closure.copy().accessChanges().evaluate();

		assertThat(saidClosure.score()).isEqualTo(typedClosure.score());
		assertThat(nothingChanges.score()).isLessThan(typedClosure.score());
	}

	@Test
	void processMitigationsAloneReduceNoHarm() {
		Documents closure = worstClosure().unfounded();
		AssessmentResult result = closure.committed("TARGETED_ENGAGEMENT", "DATA_IMPROVEMENT", "EQUALITY_MONITORING",
				"PHASED_IMPLEMENTATION").evaluate();

		assertThat(result.residualScore()).isEqualTo(result.score());
		assertThat(result.assurance().level()).as("promised actions do not raise assurance").isEqualTo("WEAK");
	}

	@Test
	void committingEveryRequiredMitigationLowersTheResidualByOneBandOrTwo() {
		Documents closure = worstClosure().wellFounded();
		AssessmentResult inherent = closure.copy().evaluate();
		String[] all = inherent.requiredMitigations().stream().map(AssessmentResult.RequiredMitigationView::code)
			.toArray(String[]::new);
		AssessmentResult mitigated = closure.copy().committed(all).evaluate();

		assertThat(RATINGS.indexOf(mitigated.residualRating())).isBetween(RATINGS.indexOf(inherent.rating()) - 2,
				RATINGS.indexOf(inherent.rating()) - 1);
		assertThat(mitigated.mitigation().answeredShare()).isEqualTo(1.0);
	}

	@Test
	void harmAloneReachesEveryBandWithExcellentAssurance() {
		Documents low = Documents.answered("SERVICE_CHANGE", 2_000).accessChanges().wellFounded();
		Documents moderate = Documents.answered("RELOCATION", 3_000).accessChanges("MOVES_A_ROUTE")
			.cohort("OLDER_PEOPLE", "NEGATIVE")
			.barrier("TRAVEL_DISTANCE", "MEDIUM")
			.wellFounded();
		Documents high = Documents.answered("CLOSURE_REDUCTION", 8_000).accessChanges("CLOSES_A_ROUTE")
			.core20Share(0.4)
			.cohort("CORE20", "NEGATIVE")
			.cohort("OLDER_PEOPLE", "NEGATIVE")
			.barrier("TRAVEL_DISTANCE", "HIGH")
			.wellFounded();

		assertThat(low.evaluate().rating()).isEqualTo("LOW");
		assertThat(moderate.evaluate().rating()).isEqualTo("MODERATE");
		assertThat(high.evaluate().rating()).isEqualTo("HIGH");
		assertThat(worstClosure().wellFounded().evaluate().rating()).isEqualTo("SEVERE");
		assertThat(List.of(low, moderate, high, worstClosure().wellFounded()))
			.allSatisfy(d -> assertThat(d.evaluate().assurance().level()).isEqualTo("STRONG"));
	}

	@Test
	void aBarrierMeetingACohortIsNotCountedAsIfIndependent() {
		Documents alone = Documents.answered("DIGITAL_CHANNEL", 5_000).accessChanges("MAKES_A_ROUTE_DIGITAL")
			.barrier("DIGITAL_ONLY", "HIGH");
		AssessmentResult barrierOnly = alone.copy().evaluate();
		AssessmentResult withCohort = alone.copy().cohort("DIGITALLY_EXCLUDED", "NEGATIVE").evaluate();

		double barrierPoints = barrierOnly.findings().stream().filter(f -> f.kind().equals("barrier"))
			.mapToDouble(AssessmentResult.FindingView::points).sum();
		assertThat(withCohort.findings()).filteredOn(f -> f.kind().equals("barrier"))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.points()).as("the cohort adds no weight to the barrier").isEqualTo(barrierPoints);
				assertThat(f.cohorts()).containsExactly("DIGITALLY_EXCLUDED");
			});
		assertThat(withCohort.findings()).filteredOn(f -> f.kind().equals("cohort"))
			.singleElement()
			.satisfies(f -> assertThat(f.remedies()).containsExactlyInAnyOrder("NON_DIGITAL_ROUTE", "DIGITAL_SUPPORT"));
	}

}
