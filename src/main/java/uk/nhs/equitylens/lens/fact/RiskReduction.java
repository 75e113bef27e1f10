package uk.nhs.equitylens.lens.fact;

/**
 * Points a committed mitigation takes off the finding that required it (residual scoring).
 *
 * @param domain the lens domain of that finding, where the points come off
 */
public record RiskReduction(RequiredMitigation requirement, String domain, double points) {

	public static RiskReduction of(RequiredMitigation requirement, double points) {
		return new RiskReduction(requirement, requirement.finding().getDomain(), points);
	}

	@Override
	public String toString() {
		return "RiskReduction[" + requirement.code() + " for " + requirement.ruleId() + ", " + points + " points]";
	}

}
