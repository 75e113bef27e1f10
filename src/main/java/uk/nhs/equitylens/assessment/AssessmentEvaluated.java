package uk.nhs.equitylens.assessment;

import java.util.UUID;

/**
 * Published when an assessment has been evaluated and the evaluation stored (in the same
 * transaction): for the audit log and anything else that must know, without the assessment
 * feature calling it.
 */
public record AssessmentEvaluated(UUID assessmentId, UUID evaluationId, int sequence, StoredEvaluation.Reason reason,
		String board, String rating, String residualRating, String rulebaseVersion) {
}
