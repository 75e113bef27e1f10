package uk.nhs.equitylens.lens.fact;

/**
 * A cohort the ambassador assessed, with the expected impact.
 *
 * @param category core20, plus, inclusion_health or protected (from the vocabulary)
 * @param evidenced whether the ambassador gave evidence for the impact
 */
public record Cohort(String code, String label, String category, Impact impact, boolean evidenced) {

	public boolean isNegative() {
		return impact == Impact.NEGATIVE;
	}

	/** NEGATIVE, or UNKNOWN: the group may be harmed and nobody has shown otherwise. */
	public boolean isAtRisk() {
		return impact == Impact.NEGATIVE || impact == Impact.UNKNOWN;
	}

	/** Core20, PLUS or inclusion-health group: the populations Core20PLUS5 targets. */
	public boolean isCore20Plus() {
		return !"protected".equals(category);
	}

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "Cohort[code=" + code + ", label=" + label + ", category=" + category + ", impact=" + impact
				+ ", evidenced=" + evidenced + "]";
	}

}
