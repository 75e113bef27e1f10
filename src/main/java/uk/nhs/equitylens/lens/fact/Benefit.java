package uk.nhs.equitylens.lens.fact;

import java.util.List;

/**
 * Equity benefit a rule credits: a POSITIVE impact with evidence on a group with a known health
 * gap, or a Core20PLUS5 clinical area targeted beside one.
 *
 * @param kind cohort or clinical
 * @param ages the ages of the cohort better off (all, older, children); for a clinical area, its population
 */
public record Benefit(String kind, String subject, String ages, double points, String explanation, List<String> cohorts) {

	public Benefit {
		cohorts = List.copyOf(cohorts);
	}

}
