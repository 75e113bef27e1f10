package uk.nhs.equitylens.lens.fact;

/** Points a committed mitigation takes off the finding that required it (residual scoring). */
public record RiskReduction(RequiredMitigation requirement, double points) {

	public String domain() {
		return requirement.finding().getDomain();
	}

	@Override
	public String toString() {
		return "RiskReduction[" + requirement.code() + " for " + requirement.ruleId() + ", " + points + " points]";
	}

}
