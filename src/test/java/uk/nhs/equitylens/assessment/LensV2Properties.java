package uk.nhs.equitylens.assessment;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import uk.nhs.equitylens.proposal.ProposalDocument;
import uk.nhs.equitylens.proposal.ProposalDocument.BarrierAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.EngagementAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.EvidenceAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.MitigationAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.MonitoringAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.Population;
import uk.nhs.equitylens.proposal.Proposals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lens v2 properties over generated documents (beside {@link LensInvariantProperties}): harm is
 * monotone in severity, reach and deprivation; assurance answers never move the harm; mitigation
 * credit is bounded (never more than two bands, one or two when everything required is committed,
 * nothing for process actions alone where they answer no harm). Without Spring, over the project's
 * rulebase.
 */
class LensV2Properties {

	private static final List<String> RATINGS = List.of("LOW", "MODERATE", "HIGH", "SEVERE");

	private static final List<String> PROCESS = List.of("TARGETED_ENGAGEMENT", "DATA_IMPROVEMENT",
			"EQUALITY_MONITORING", "PHASED_IMPLEMENTATION");

	private final Assessor assessor = TestAssessor.get();

	@Property(tries = 150)
	void evidenceEngagementAndMonitoringNeverChangeTheHarm(@ForAll("valid") ProposalDocument document,
			@ForAll boolean split, @ForAll boolean engaged, @ForAll boolean coProduced, @ForAll boolean planned) {
		ProposalDocument other = new ProposalDocument(document.title(), document.board(), document.proposalType(),
				document.summary(), document.population(), document.cohorts(), document.barriers(),
				document.clinicalAreas(), document.accessChanges(), new EvidenceAnswer(split, split ? "Data" : ""),
				new EngagementAnswer(engaged, coProduced, null), new MonitoringAnswer(planned, planned, planned),
				document.mitigations(), document.assessorView(), document.more());
		AssessmentResult a = evaluate(document);
		AssessmentResult b = evaluate(other);

		assertThat(b.rating()).isEqualTo(a.rating());
		assertThat(b.score()).isEqualTo(a.score());
		assertThat(b.residualScore()).isEqualTo(a.residualScore());
	}

	@Property(tries = 150)
	void unknownNeutralAndOmittedAreTheSameHarmAndNegativeIsNeverLess(@ForAll("valid") ProposalDocument document,
			@ForAll("cohortCode") String code) {
		List<ProposalDocument.CohortAnswer> others = document.cohorts().stream().filter(c -> !c.code().equals(code))
			.toList();
		AssessmentResult omitted = evaluate(withCohorts(document, others));
		AssessmentResult neutral = evaluate(withCohorts(document, plus(others, code, "NEUTRAL", "No different effect.")));
		AssessmentResult unknown = evaluate(withCohorts(document, plus(others, code, "UNKNOWN", null)));
		AssessmentResult negative = evaluate(withCohorts(document, plus(others, code, "NEGATIVE", "Worse off.")));

		assertThat(neutral.score()).isEqualTo(omitted.score());
		assertThat(unknown.score()).isEqualTo(omitted.score());
		assertThat(unknown.rating()).isEqualTo(omitted.rating());
		assertThat(negative.score()).isGreaterThanOrEqualTo(omitted.score());
		assertThat(order(negative.rating())).isGreaterThanOrEqualTo(order(omitted.rating()));
		assertThat(unknown.assurance().gaps()).as("UNKNOWN is an assurance gap").contains("EVD-003");
	}

	@Property(tries = 150)
	void raisingABarriersSeverityNeverLowersTheScore(@ForAll("withBarrier") ProposalDocument document) {
		List<BarrierAnswer> raised = new ArrayList<>(document.barriers());
		BarrierAnswer first = raised.get(0);
		String higher = first.severity().equals("LOW") ? "MEDIUM" : "HIGH";
		raised.set(0, new BarrierAnswer(first.code(), higher, first.note()));
		AssessmentResult before = evaluate(document);
		AssessmentResult after = evaluate(withBarriers(document, raised));

		assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
		assertThat(order(after.rating())).isGreaterThanOrEqualTo(order(before.rating()));
	}

	@Property(tries = 150)
	void moreOrMoreDeprivedPeopleNeverLowerTheScore(@ForAll("valid") ProposalDocument document,
			@ForAll("factor") int times, @ForAll("share") double share) {
		Population p = document.population();
		ProposalDocument larger = withPopulation(document,
				new Population(Math.min(100_000_000L, p.affected() * times + times), p.core20Share(), p.areas(),
						p.deprivationEdition()));
		ProposalDocument poorer = withPopulation(document, new Population(p.affected(),
				Math.max(share, p.core20Share() == null ? 0 : p.core20Share()), p.areas(), p.deprivationEdition()));
		AssessmentResult base = evaluate(document);

		assertThat(evaluate(larger).score()).isGreaterThanOrEqualTo(base.score());
		if (p.core20Share() != null) {
			assertThat(evaluate(poorer).score()).isGreaterThanOrEqualTo(base.score());
		}
	}

	@Property(tries = 150)
	void committingNothingLeavesTheResidualAtTheRatingAndEverythingMovesItOneOrTwoBands(
			@ForAll("valid") ProposalDocument document) {
		ProposalDocument none = document.withMitigations(List.of());
		AssessmentResult inherent = evaluate(none);
		assertThat(inherent.residualScore()).isEqualTo(inherent.score());
		assertThat(inherent.residualRating()).isEqualTo(inherent.rating());

		List<MitigationAnswer> all = inherent.requiredMitigations().stream()
			.map(m -> new MitigationAnswer(m.code(), "COMMITTED", "Lead", java.time.LocalDate.of(2027, 3, 31), null))
			.toList();
		AssessmentResult mitigated = evaluate(document.withMitigations(all));
		int drop = order(inherent.rating()) - order(mitigated.residualRating());
		assertThat(drop).as("never more than two bands").isLessThanOrEqualTo(2);
		if (order(inherent.rating()) >= order("MODERATE") && inherent.cumulative() == null) {
			assertThat(drop).as("every required mitigation committed: at least one band").isGreaterThanOrEqualTo(1);
		}
	}

	@Property(tries = 150)
	void processActionsAloneReduceOnlyTheHarmTheRemedyTableNamesThemFor(@ForAll("valid") ProposalDocument document) {
		List<MitigationAnswer> process = PROCESS.stream()
			.map(code -> new MitigationAnswer(code, "DONE", "Lead", java.time.LocalDate.of(2027, 3, 31), null))
			.toList();
		AssessmentResult result = evaluate(document.withMitigations(process));
		boolean named = result.findings().stream()
			.filter(f -> !f.assurance())
			.anyMatch(f -> f.remedies().stream().anyMatch(PROCESS::contains));
		if (!named) {
			assertThat(result.residualScore()).isEqualTo(result.score());
		}
		assertThat(order(result.rating()) - order(result.residualRating())).isLessThanOrEqualTo(1);
	}

	@Provide
	Arbitrary<ProposalDocument> valid() {
		return Proposals.valid();
	}

	@Provide
	Arbitrary<ProposalDocument> withBarrier() {
		return Proposals.valid().filter(d -> !d.barriers().isEmpty() && !d.barriers().get(0).severity().equals("HIGH"));
	}

	@Provide
	Arbitrary<String> cohortCode() {
		return Arbitraries.of(List.copyOf(Proposals.vocabulary().cohorts().keySet()));
	}

	@Provide
	Arbitrary<Integer> factor() {
		return Arbitraries.integers().between(2, 20);
	}

	@Provide
	Arbitrary<Double> share() {
		return Arbitraries.doubles().between(0, 1).ofScale(2);
	}

	private AssessmentResult evaluate(ProposalDocument document) {
		return assessor.evaluate(document).result();
	}

	private static int order(String rating) {
		return RATINGS.indexOf(rating);
	}

	private static ProposalDocument withBarriers(ProposalDocument d, List<BarrierAnswer> barriers) {
		return new ProposalDocument(d.title(), d.board(), d.proposalType(), d.summary(), d.population(), d.cohorts(),
				barriers, d.clinicalAreas(), d.accessChanges(), d.evidence(), d.engagement(), d.monitoring(),
				d.mitigations(), d.assessorView(), d.more());
	}

	private static List<ProposalDocument.CohortAnswer> plus(List<ProposalDocument.CohortAnswer> others, String code,
			String impact, String evidence) {
		List<ProposalDocument.CohortAnswer> cohorts = new ArrayList<>(others);
		cohorts.add(new ProposalDocument.CohortAnswer(code, impact, evidence));
		return cohorts;
	}

	private static ProposalDocument withCohorts(ProposalDocument d, List<ProposalDocument.CohortAnswer> cohorts) {
		return new ProposalDocument(d.title(), d.board(), d.proposalType(), d.summary(), d.population(), cohorts,
				d.barriers(), d.clinicalAreas(), d.accessChanges(), d.evidence(), d.engagement(), d.monitoring(),
				d.mitigations(), d.assessorView(), d.more());
	}

	private static ProposalDocument withPopulation(ProposalDocument d, Population population) {
		return new ProposalDocument(d.title(), d.board(), d.proposalType(), d.summary(), population, d.cohorts(),
				d.barriers(), d.clinicalAreas(), d.accessChanges(), d.evidence(), d.engagement(), d.monitoring(),
				d.mitigations(), d.assessorView(), d.more());
	}

}
