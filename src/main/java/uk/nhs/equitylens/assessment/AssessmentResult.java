package uk.nhs.equitylens.assessment;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The assessment result ({@code shared/spec/proposal.md}, "The assessment result"): what an
 * evaluation returns and what is stored. The spec's keys come first and keep their meaning; the
 * rest ({@code residualDomainScores}, {@code benefits}, {@code deprivation}) are additions.
 */
@JsonPropertyOrder({ "rating", "residualRating", "score", "residualScore", "domainScores", "residualDomainScores",
		"equityBenefit", "findings", "requiredMitigations", "benefits", "firedRules", "deprivation",
		"rulebaseVersion", "formVersion" })
public record AssessmentResult(String rating, String residualRating, int score, int residualScore,
		Map<String, Integer> domainScores, Map<String, Integer> residualDomainScores, int equityBenefit,
		List<FindingView> findings, List<RequiredMitigationView> requiredMitigations, List<BenefitView> benefits,
		List<String> firedRules, DeprivationReport deprivation, String rulebaseVersion, String formVersion) {

	/** A risk the lens found, with the rule that found it. */
	@JsonPropertyOrder({ "ruleId", "domain", "severity", "points", "explanation", "cohorts", "barriers" })
	public record FindingView(String ruleId, String domain, String severity, double points, String explanation,
			List<String> cohorts, List<String> barriers) {
	}

	/**
	 * A catalogue mitigation the rules require, once per code: {@code ruleId} is the rule of the
	 * most serious finding that requires it, {@code requiredBy} every rule that does.
	 *
	 * @param status the proposal's status for it (PROPOSED, COMMITTED, DONE), absent when not offered
	 * @param satisfied the proposal carries it as COMMITTED or DONE
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "code", "label", "ruleId", "reason", "satisfied", "status", "requiredBy" })
	public record RequiredMitigationView(String code, String label, String ruleId, String reason, boolean satisfied,
			String status, List<String> requiredBy) {
	}

	/** Equity benefit a rule credited. */
	public record BenefitView(String ruleId, String domain, double points, String explanation, List<String> cohorts) {
	}

}
