package uk.nhs.equitylens.review;

import java.util.UUID;

import uk.nhs.equitylens.assessment.AssessmentStatus;

/**
 * Published when a board's decision has been recorded, in the same transaction: for the audit log,
 * with an override of the lens flagged for governance, without the review feature calling them.
 */
public record AssessmentDecided(UUID assessmentId, UUID decisionId, AssessmentStatus decision, String board,
		String decidedBy, boolean overridden, UUID evaluationId, String reason, String conditions,
		String overrideJustification) {
}
