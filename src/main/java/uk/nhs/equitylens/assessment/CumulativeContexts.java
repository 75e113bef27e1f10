package uk.nhs.equitylens.assessment;

import java.util.UUID;

import uk.nhs.equitylens.assessment.AssessmentResult.CumulativeContext;
import uk.nhs.equitylens.proposal.ProposalDocument;

/**
 * Works out the cumulative context of an evaluation: the other approved or pending assessments that
 * leave the same cohorts worse off in overlapping areas. Implemented by the cumulative feature
 * (which reads every board's assessments), so that assessment does not depend on it.
 */
public interface CumulativeContexts {

	/**
	 * @param document the proposal being evaluated
	 * @param self the assessment it belongs to, never counted; {@code null} for a dry run
	 * @param windowMonths how far back to look (the rulebase's {@code cumulative_window_months})
	 * @return the context, {@link CumulativeContext#NONE} when nothing bears on the same people
	 */
	CumulativeContext contextFor(ProposalDocument document, UUID self, int windowMonths);

}
