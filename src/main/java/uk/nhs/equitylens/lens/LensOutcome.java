package uk.nhs.equitylens.lens;

import java.util.List;
import java.util.Map;

import uk.nhs.equitylens.lens.fact.Benefit;
import uk.nhs.equitylens.lens.fact.Finding;

/**
 * What the rules concluded for one set of facts: harm scores and ratings, assurance, findings (most
 * serious first, each with the rule that made it), the mitigations they require, equity benefits,
 * and every rule firing in order.
 *
 * @param domainScores harm domain points (unrounded), before and after committed mitigations
 * @param answeredShare the share of harm points that committed mitigations answer
 */
public record LensOutcome(String rulebaseVersion, String rating, String residualRating, int score,
		int residualScore, Map<String, double[]> domainScores, double answeredShare, int equityBenefit,
		String assurance, Map<String, Integer> assuranceScores, List<Found> findings,
		List<Requirement> requirements, List<Credited> benefits, List<RuleFiring> firings) {

	/** A finding and the rule that made it. */
	public record Found(String ruleId, Finding finding) {
	}

	/** A mitigation a finding requires, with the finding's rule and the remedy table's reason. */
	public record Requirement(String ruleId, Finding finding, String code, String reason) {
	}

	/** A benefit and the rule that credited it. */
	public record Credited(String ruleId, Benefit benefit) {
	}

	/** Distinct rule ids in the order they first fired. */
	public List<String> firedRules() {
		return firings.stream().map(RuleFiring::ruleId).distinct().toList();
	}

	public List<String> findingRuleIds() {
		return findings.stream().map(Found::ruleId).distinct().toList();
	}

}
