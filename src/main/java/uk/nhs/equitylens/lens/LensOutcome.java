package uk.nhs.equitylens.lens;

import java.util.List;
import java.util.Map;

import uk.nhs.equitylens.lens.fact.Benefit;
import uk.nhs.equitylens.lens.fact.DomainScore;
import uk.nhs.equitylens.lens.fact.Finding;
import uk.nhs.equitylens.lens.fact.RequiredMitigation;
import uk.nhs.equitylens.lens.fact.RiskReduction;

/**
 * What the rules concluded for one set of facts: scores and ratings, findings (most serious first),
 * the mitigations they require, the committed mitigations that reduced them, equity benefits, and
 * every rule firing in order.
 */
public record LensOutcome(String rulebaseVersion, String rating, String residualRating, int score,
		int residualScore, Map<String, DomainScore> domainScores, int equityBenefit, List<Finding> findings,
		List<RequiredMitigation> requirements, List<RiskReduction> reductions, List<Benefit> benefits,
		List<RuleFiring> firings) {

	/** Distinct rule ids in the order they first fired. */
	public List<String> firedRules() {
		return firings.stream().map(RuleFiring::ruleId).distinct().toList();
	}

	public List<String> findingRuleIds() {
		return findings.stream().map(Finding::getRuleId).distinct().toList();
	}

}
