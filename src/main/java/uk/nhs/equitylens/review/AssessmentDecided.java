package uk.nhs.equitylens.review;

import java.util.UUID;

import uk.nhs.equitylens.assessment.AssessmentStatus;

/**
 * Published when a board's decision has been recorded: for the audit log, and so that an override
 * of the lens is flagged for governance without the review feature calling governance.
 */
public record AssessmentDecided(UUID assessmentId, UUID decisionId, AssessmentStatus decision, String board,
		String decidedBy, boolean overridden, UUID evaluationId) {
}
