package uk.nhs.equitylens.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import uk.nhs.equitylens.lens.fact.Impact;
import uk.nhs.equitylens.lens.fact.Severity;
import uk.nhs.equitylens.proposal.ProposalDocument;
import uk.nhs.equitylens.proposal.ProposalDocument.BarrierAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.CohortAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.MitigationAnswer;
import uk.nhs.equitylens.proposal.Proposals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the lens promises for every valid proposal, not just the scenarios: more harm never scores
 * less, a committed mitigation never raises the residual risk, UNKNOWN is never safer than NEUTRAL,
 * and the same document always gives the same result. Evaluated without Spring, over the
 * project's rulebase ({@link TestAssessor}).
 */
class LensInvariantProperties {

	private static final List<String> RATINGS = List.of("LOW", "MODERATE", "HIGH", "SEVERE");

	private final Assessor assessor = TestAssessor.get();

	/**
	 * A cohort expected to be worse off is more harm, never less. The one exception is the first
	 * cohort named: an assessment that names none is scored as not having looked at all (COH-011,
	 * as much as three HIGH findings), which the first real answer replaces.
	 */
	@Property(tries = 300)
	void addingACohortWorseOffNeverLowersTheScore(@ForAll("withAnotherCohort") Tuple2<ProposalDocument, String> given) {
		ProposalDocument before = given.get1();
		List<CohortAnswer> cohorts = new ArrayList<>(before.cohorts());
		cohorts.add(new CohortAnswer(given.get2(), Impact.NEGATIVE.name(), null));
		ProposalDocument after = withCohorts(before, cohorts);

		AssessmentResult was = evaluate(before);
		AssessmentResult is = evaluate(after);

		assertThat(is.score()).as(explain(was, is)).isGreaterThanOrEqualTo(was.score());
		assertThat(order(is.rating())).as(explain(was, is)).isGreaterThanOrEqualTo(order(was.rating()));
	}

	/**
	 * A barrier to access is more harm, never less; the first barrier named on a change that removes
	 * a route of access replaces "no barrier assessed" (ACC-015), as the first cohort replaces COH-011.
	 */
	@Property(tries = 300)
	void addingABarrierNeverLowersTheScore(@ForAll("withAnotherBarrier") Tuple2<ProposalDocument, BarrierAnswer> given) {
		ProposalDocument before = given.get1();
		List<BarrierAnswer> barriers = new ArrayList<>(before.barriers());
		barriers.add(given.get2());
		ProposalDocument after = withBarriers(before, barriers);

		AssessmentResult was = evaluate(before);
		AssessmentResult is = evaluate(after);

		assertThat(is.score()).as(explain(was, is)).isGreaterThanOrEqualTo(was.score());
		assertThat(order(is.rating())).as(explain(was, is)).isGreaterThanOrEqualTo(order(was.rating()));
	}

	/** Committing to a required mitigation lowers the residual score or leaves it; the inherent score never moves. */
	@Property(tries = 300)
	void committingARequiredMitigationNeverRaisesTheResidualScore(@ForAll("valid") ProposalDocument before,
			@ForAll("commitment") Tuple2<Integer, String> pick) {
		AssessmentResult was = evaluate(before);
		List<AssessmentResult.RequiredMitigationView> open = was.requiredMitigations()
			.stream()
			.filter(m -> !m.satisfied())
			.toList();
		if (open.isEmpty()) {
			return;
		}
		String code = open.get(pick.get1() % open.size()).code();
		List<MitigationAnswer> mitigations = new ArrayList<>(
				before.mitigations().stream().filter(m -> !m.code().equals(code)).toList());
		mitigations.add(new MitigationAnswer(code, pick.get2(), "Service manager", java.time.LocalDate.of(2027, 3, 31), null));

		AssessmentResult is = evaluate(before.withMitigations(mitigations));

		assertThat(is.residualScore()).as(explain(was, is)).isLessThanOrEqualTo(was.residualScore());
		assertThat(order(is.residualRating())).as(explain(was, is)).isLessThanOrEqualTo(order(was.residualRating()));
		assertThat(is.score()).as(explain(was, is)).isEqualTo(was.score());
		assertThat(is.findings()).isEqualTo(was.findings());
	}

	/** UNKNOWN is a gap in evidence, never a safe answer: it scores at least what NEUTRAL does. */
	@Property(tries = 300)
	void unknownNeverScoresBelowNeutral(@ForAll("valid") ProposalDocument document, @ForAll("index") int pick) {
		if (document.cohorts().isEmpty()) {
			return;
		}
		int index = pick % document.cohorts().size();
		AssessmentResult neutral = evaluate(withImpact(document, index, Impact.NEUTRAL));
		AssessmentResult unknown = evaluate(withImpact(document, index, Impact.UNKNOWN));

		assertThat(unknown.score()).as(explain(neutral, unknown)).isGreaterThanOrEqualTo(neutral.score());
		assertThat(unknown.residualScore()).as(explain(neutral, unknown))
			.isGreaterThanOrEqualTo(neutral.residualScore());
		assertThat(order(unknown.rating())).isGreaterThanOrEqualTo(order(neutral.rating()));
	}

	/** The same document gives the same result, to the last finding and required mitigation. */
	@Property(tries = 200)
	void theSameDocumentGivesTheSameResult(@ForAll("valid") ProposalDocument document) {
		AssessmentResult first = evaluate(document);
		AssessmentResult second = evaluate(document);

		assertThat(second).isEqualTo(first);
	}

	/**
	 * The spec does not say that the order of cohorts, barriers, clinical areas or mitigations
	 * carries meaning, so it must not change the assessment: the same ratings, scores, findings by
	 * rule, severity and points, and required mitigations. (Explanations may list cohorts in the
	 * order the document gives them, so their wording is not compared.)
	 */
	@Property(tries = 200)
	void theOrderOfListsDoesNotChangeTheAssessment(@ForAll("valid") ProposalDocument document,
			@ForAll long seed) {
		Random random = new Random(seed);
		ProposalDocument shuffled = new ProposalDocument(document.title(), document.board(), document.proposalType(),
				document.summary(), document.population(), shuffle(document.cohorts(), random),
				shuffle(document.barriers(), random), shuffle(document.clinicalAreas(), random),
				document.accessChanges() == null ? null : shuffle(document.accessChanges(), random), document.evidence(),
				document.engagement(), document.monitoring(), shuffle(document.mitigations(), random),
				document.assessorView(), document.more());

		AssessmentResult original = evaluate(document);
		AssessmentResult reordered = evaluate(shuffled);

		assertThat(reordered.rating()).isEqualTo(original.rating());
		assertThat(reordered.residualRating()).isEqualTo(original.residualRating());
		assertThat(reordered.score()).isEqualTo(original.score());
		assertThat(reordered.residualScore()).isEqualTo(original.residualScore());
		assertThat(reordered.domainScores()).isEqualTo(original.domainScores());
		assertThat(reordered.residualDomainScores()).isEqualTo(original.residualDomainScores());
		assertThat(reordered.equityBenefit()).isEqualTo(original.equityBenefit());
		assertThat(findings(reordered)).isEqualTo(findings(original));
		assertThat(mitigations(reordered)).isEqualTo(mitigations(original));
	}

	@Provide
	Arbitrary<ProposalDocument> valid() {
		return Proposals.valid();
	}

	@Provide
	Arbitrary<Tuple2<ProposalDocument, String>> withAnotherCohort() {
		List<String> codes = List.copyOf(Proposals.vocabulary().cohorts().keySet());
		return Proposals.valid().flatMap(document -> {
			List<String> named = document.cohorts().stream().map(CohortAnswer::code).toList();
			return Arbitraries.of(codes.stream().filter(c -> !named.contains(c)).toList())
				.map(code -> Tuple.of(document, code));
		}).filter(given -> !given.get1().cohorts().isEmpty());
	}

	@Provide
	Arbitrary<Tuple2<ProposalDocument, BarrierAnswer>> withAnotherBarrier() {
		List<String> codes = List.copyOf(Proposals.vocabulary().barriers().keySet());
		return Proposals.valid().flatMap(document -> {
			List<String> named = document.barriers().stream().map(BarrierAnswer::code).toList();
			return Combinators.combine(Arbitraries.of(codes.stream().filter(c -> !named.contains(c)).toList()),
					Arbitraries.of(Severity.class))
				.as((code, severity) -> Tuple.of(document, new BarrierAnswer(code, severity.name(), null)));
		}).filter(given -> !given.get1().barriers().isEmpty());
	}

	@Provide
	Arbitrary<Tuple2<Integer, String>> commitment() {
		return Combinators.combine(index(), Arbitraries.of("COMMITTED", "DONE")).as(Tuple::of);
	}

	@Provide
	Arbitrary<Integer> index() {
		return Arbitraries.integers().between(0, 1000);
	}

	private AssessmentResult evaluate(ProposalDocument document) {
		return assessor.evaluate(document).result();
	}

	private static ProposalDocument withCohorts(ProposalDocument d, List<CohortAnswer> cohorts) {
		return new ProposalDocument(d.title(), d.board(), d.proposalType(), d.summary(), d.population(), cohorts,
				d.barriers(), d.clinicalAreas(), d.accessChanges(), d.evidence(), d.engagement(), d.monitoring(),
				d.mitigations(), d.assessorView(), d.more());
	}

	private static ProposalDocument withBarriers(ProposalDocument d, List<BarrierAnswer> barriers) {
		return new ProposalDocument(d.title(), d.board(), d.proposalType(), d.summary(), d.population(), d.cohorts(),
				barriers, d.clinicalAreas(), d.accessChanges(), d.evidence(), d.engagement(), d.monitoring(),
				d.mitigations(), d.assessorView(), d.more());
	}

	private static ProposalDocument withImpact(ProposalDocument d, int index, Impact impact) {
		List<CohortAnswer> cohorts = new ArrayList<>(d.cohorts());
		CohortAnswer cohort = cohorts.get(index);
		cohorts.set(index, new CohortAnswer(cohort.code(), impact.name(), cohort.evidence()));
		return withCohorts(d, cohorts);
	}

	private static <T> List<T> shuffle(List<T> items, Random random) {
		List<T> copy = new ArrayList<>(items);
		Collections.shuffle(copy, random);
		return copy;
	}

	private static List<String> findings(AssessmentResult result) {
		return result.findings()
			.stream()
			.map(f -> f.ruleId() + "/" + f.severity() + "/" + f.points() + "/" + f.cohorts().stream().sorted().toList()
					+ "/" + f.barriers().stream().sorted().toList())
			.sorted()
			.toList();
	}

	private static List<String> mitigations(AssessmentResult result) {
		return result.requiredMitigations()
			.stream()
			.map(m -> m.code() + "/" + m.satisfied() + "/" + m.requiredBy().stream().sorted().toList())
			.sorted(Comparator.naturalOrder())
			.toList();
	}

	private static int order(String rating) {
		return RATINGS.indexOf(rating);
	}

	private static String explain(AssessmentResult before, AssessmentResult after) {
		return "before: " + before.score() + "/" + before.residualScore() + " " + before.domainScores() + " "
				+ before.findings().stream().map(f -> f.ruleId() + ":" + f.points()).toList() + "\nafter:  "
				+ after.score() + "/" + after.residualScore() + " " + after.domainScores() + " "
				+ after.findings().stream().map(f -> f.ruleId() + ":" + f.points()).toList();
	}

}
