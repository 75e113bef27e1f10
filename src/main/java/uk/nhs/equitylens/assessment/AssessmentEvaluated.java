package uk.nhs.equitylens.assessment;

import java.util.UUID;

/**
 * Published when an assessment has been evaluated and the evaluation stored, in the same
 * transaction: everything the audit log keeps (the document as evaluated, the form and rulebase
 * versions, every firing with its facts, the result), so that listeners need not call back.
 *
 * @param document the proposal document as evaluated (JSON)
 * @param firedRules every rule firing with the facts it matched (JSON)
 * @param result the assessment result (JSON)
 */
public record AssessmentEvaluated(UUID assessmentId, UUID evaluationId, int sequence, StoredEvaluation.Reason reason,
		String board, String rating, String residualRating, String rulebaseVersion, String formVersion, String actor,
		String document, String firedRules, String result) {
}
