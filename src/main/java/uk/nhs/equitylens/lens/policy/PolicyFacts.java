package uk.nhs.equitylens.lens.policy;

import uk.nhs.equitylens.lens.fact.Severity;

/**
 * The typed rows of the policy tables, as the rules read them: read-only facts, one immutable set
 * per rulebase version, inserted into each evaluation's session. Every number here came from a
 * table under {@code rules/policy/}; none is written in Java or DRL.
 */
public final class PolicyFacts {

	private PolicyFacts() {
	}

	/** {@code parameters.csv}: single numbers. */
	public record Parameters(double mitigationCredit, double findingHighPoints, double findingMediumPoints,
			double clinicalHarmPoints, double clinicalBenefitPoints, double cumulativePointsPerProposal,
			int cumulativeWindowMonths, double benefitCap, double gapHighPenalty, double gapMediumPenalty) {
	}

	/** {@code severity.csv}: harm points of a barrier by its severity. */
	public record SeverityPoints(Severity severity, double points) {
	}

	/** {@code domains.csv}: a harm domain's cap, and whether reach and deprivation multiply it. */
	public record DomainCap(String domain, double cap, boolean scaled) {
	}

	/** {@code bands.csv}: the score range of a rating, inclusive; rank 0 is the lowest band. */
	public record Band(String rating, int from, int to, int rank) {
	}

	/** {@code reach.csv}: the factor for populations of {@code from} people or more. */
	public record ReachBand(long from, double factor) {
	}

	/** {@code core20-share.csv}: the factor for a Core20 share of {@code from} or more. */
	public record Core20Band(double from, double factor) {
	}

	/** {@code access-changes.csv}: how much a change to the ways in weighs on access findings. */
	public record AccessChangeWeight(String code, double routeFactor) {
	}

	/** {@code proposal-types.csv}: the access change inferred when a document gives none. */
	public record TypeDefault(String type, String accessChange) {
	}

	/**
	 * {@code cohorts.csv}: harm points when worse off, benefit points when better off (0: no known
	 * health gap), and the ages the group covers (all, older, children).
	 *
	 * @param rank the row's position: breaks ties between codes naming the same people
	 */
	public record CohortWeight(String code, double harm, double benefit, String ages, int rank) {
	}

	/** {@code same-people.csv}, both ways round: {@code code} and {@code other} name the same people. */
	public record SamePeople(String code, String other) {
	}

	/** {@code intersections.csv}: two groups whose disadvantages compound when both are worse off. */
	public record Intersection(String first, String second, String key, double points, String rationale) {

		public Intersection(String first, String second, double points, String rationale) {
			this(first, second, first + "+" + second, points, rationale);
		}

	}

	/**
	 * {@code interactions.csv}: a barrier that bears especially on a cohort. The cohort's harm then
	 * comes through the barrier (and is answered by the barrier's remedies); it is counted once, in
	 * the cohort's finding, never again as extra weight on the barrier.
	 */
	public record Interaction(String cohort, String barrier, String rationale) {
	}

	/**
	 * {@code remedies.csv}: a catalogue mitigation that answers a finding.
	 *
	 * @param key {@code finding:subject}, e.g. {@code barrier:DIGITAL_ONLY}
	 * @param mitigation a catalogue code, or {@code NONE} where no mitigation of the proposal answers it
	 * @param weight how much of the finding it answers, against the finding's other remedies
	 */
	public record Remedy(String key, String mitigation, double weight, String rationale) {

		public static final String NONE = "NONE";

	}

	/** {@code assurance.csv}: what a gap in the assessment costs its assurance domain. */
	public record AssuranceCheck(String check, String domain, double penalty) {
	}

	/** An assurance domain (evidence, engagement, monitoring): each gets a score. */
	public record AssuranceDomain(String domain) {
	}

	/** {@code assurance-levels.csv}: the level reached when every assurance domain is at {@code from} or more. */
	public record AssuranceLevel(String level, double from, int rank) {
	}

}
