package uk.nhs.equitylens.lens.fact;

/** A mitigation from the catalogue that a finding requires, with the reason. */
public record RequiredMitigation(Finding finding, String code, String reason) {

	public String ruleId() {
		return finding.getRuleId();
	}

	@Override
	public String toString() {
		return "RequiredMitigation[" + code + " for " + finding.getRuleId() + "]";
	}

}
