package uk.nhs.equitylens.lens.fact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/**
 * A risk the lens found: which rule raised it, how severe it is, how many points it adds to its
 * domain, and a sentence a board member can read. Built in a rule consequence with
 * {@link #of(RuleContext, Severity, double, String)}, which takes the rule id and domain from the
 * rule's own metadata.
 */
public final class Finding {

	private final String ruleId;

	private final String domain;

	private final Severity severity;

	private final double points;

	private final String explanation;

	private final List<String> cohorts = new ArrayList<>();

	private final List<String> barriers = new ArrayList<>();

	private final List<RequiredMitigation> requirements = new ArrayList<>();

	private Finding(String ruleId, String domain, Severity severity, double points, String explanation) {
		if (points < 0) {
			throw new IllegalArgumentException(ruleId + ": a finding cannot have negative points");
		}
		this.ruleId = ruleId;
		this.domain = domain;
		this.severity = severity;
		this.points = points;
		this.explanation = explanation;
	}

	public static Finding of(RuleContext drools, Severity severity, double points, String explanation) {
		return new Finding(RuleMetadata.ruleId(drools.getRule()), RuleMetadata.domain(drools.getRule()), severity,
				points, explanation);
	}

	/** Names the cohorts (Cohort facts or codes) the finding is about. */
	public Finding cohorts(Collection<?> cohortsOrCodes) {
		cohortsOrCodes.forEach(c -> this.cohorts.add(c instanceof Cohort cohort ? cohort.code() : c.toString()));
		return this;
	}

	public Finding cohort(Cohort cohort) {
		return cohorts(List.of(cohort));
	}

	/** Names the barriers (Barrier facts or codes) the finding is about. */
	public Finding barriers(Collection<?> barriersOrCodes) {
		barriersOrCodes.forEach(b -> this.barriers.add(b instanceof Barrier barrier ? barrier.code() : b.toString()));
		return this;
	}

	public Finding barrier(Barrier barrier) {
		return barriers(List.of(barrier));
	}

	/** A mitigation this finding requires, and why; insert the returned fact. */
	public RequiredMitigation requires(String mitigationCode, String reason) {
		RequiredMitigation requirement = new RequiredMitigation(this, mitigationCode, reason);
		requirements.add(requirement);
		return requirement;
	}

	public String getRuleId() {
		return ruleId;
	}

	public String getDomain() {
		return domain;
	}

	public Severity getSeverity() {
		return severity;
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

	public List<String> getBarriers() {
		return List.copyOf(barriers);
	}

	public int getRequirementCount() {
		return requirements.size();
	}

	@Override
	public String toString() {
		return "Finding[" + ruleId + ", " + severity + ", " + points + " points]";
	}

}
