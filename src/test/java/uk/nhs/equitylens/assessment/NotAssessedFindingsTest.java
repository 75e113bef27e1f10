package uk.nhs.equitylens.assessment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.equitylens.proposal.ProposalDocument;
import uk.nhs.equitylens.proposal.ProposalDocument.BarrierAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.CohortAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.EngagementAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.EvidenceAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.MonitoringAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.Population;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two places where more harm named can score less, both by design and both shrunk by jqwik
 * from {@link LensInvariantProperties}: naming no cohort (COH-011) or no barrier on a change that
 * removes a route of access (ACC-015) counts as not having looked, which weighs more than the first
 * honest answer. The properties therefore add cohorts and barriers to documents that name at least
 * one; these examples pin the boundary.
 */
class NotAssessedFindingsTest {

	private final Assessor assessor = TestAssessor.get();

	@Test
	void theFirstCohortWorseOffReplacesNoCohortAssessedAndNeverRatesWorseThanNotLooking() {
		ProposalDocument none = minimal("NEW_SERVICE", List.of(), List.of());
		ProposalDocument one = minimal("NEW_SERVICE", List.of(new CohortAnswer("CORE20", "NEGATIVE", null)), List.of());

		AssessmentResult notLooked = assessor.evaluate(none).result();
		AssessmentResult looked = assessor.evaluate(one).result();

		assertThat(notLooked.firedRules()).contains("COH-011");
		assertThat(looked.firedRules()).doesNotContain("COH-011").contains("COH-010");
		assertThat(notLooked.score()).isGreaterThanOrEqualTo(looked.score());
	}

	@Test
	void theFirstBarrierOnARelocationReplacesNoBarrierAssessedAndNeverRatesWorseThanNotLooking() {
		ProposalDocument none = minimal("RELOCATION", List.of(), List.of());
		ProposalDocument one = minimal("RELOCATION", List.of(), List.of(new BarrierAnswer("DIGITAL_ONLY", "LOW", null)));

		AssessmentResult notLooked = assessor.evaluate(none).result();
		AssessmentResult looked = assessor.evaluate(one).result();

		assertThat(notLooked.firedRules()).contains("ACC-015");
		assertThat(looked.firedRules()).doesNotContain("ACC-015").contains("ACC-010");
		assertThat(notLooked.score()).isGreaterThanOrEqualTo(looked.score());
	}

	/** The shrunk counterexamples: nobody affected, evidence split, engaged, co-produced and monitored. */
	private static ProposalDocument minimal(String type, List<CohortAnswer> cohorts, List<BarrierAnswer> barriers) {
		return new ProposalDocument("!", "PLANNED_CARE", type, "!", new Population(0L, null, List.of(), null), cohorts,
				barriers, List.of(), null, new EvidenceAnswer(true, null), new EngagementAnswer(true, true, null),
				new MonitoringAnswer(true, true, true), List.of(), null, Map.of());
	}

}
