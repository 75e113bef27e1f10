package uk.nhs.equitylens.lens.fact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/** Equity benefit a rule credits: the proposal targets Core20 areas, PLUS groups or Core20PLUS5 areas. */
public final class Benefit {

	private final String ruleId;

	private final String domain;

	private final double points;

	private final String explanation;

	private final List<String> cohorts = new ArrayList<>();

	private Benefit(String ruleId, String domain, double points, String explanation) {
		this.ruleId = ruleId;
		this.domain = domain;
		this.points = points;
		this.explanation = explanation;
	}

	public static Benefit of(RuleContext drools, double points, String explanation) {
		return new Benefit(RuleMetadata.ruleId(drools.getRule()), RuleMetadata.domain(drools.getRule()), points,
				explanation);
	}

	public Benefit cohorts(Collection<?> cohortsOrCodes) {
		cohortsOrCodes.forEach(c -> this.cohorts.add(c instanceof Cohort cohort ? cohort.code() : c.toString()));
		return this;
	}

	public String getRuleId() {
		return ruleId;
	}

	public String getDomain() {
		return domain;
	}

	public double getPoints() {
		return points;
	}

	public String getExplanation() {
		return explanation;
	}

	public List<String> getCohorts() {
		return List.copyOf(cohorts);
	}

	@Override
	public String toString() {
		return "Benefit[" + ruleId + ", " + points + " points]";
	}

}
