package uk.nhs.equitylens.assessment;

/**
 * Published for a dry run through the evaluate API when {@code equitylens.audit.dry-runs} is true:
 * nothing is stored as an assessment, but the audit log keeps what was evaluated and concluded.
 */
public record DryRunEvaluated(String actor, String rulebaseVersion, String formVersion, String document,
		String firedRules, String result) {
}
