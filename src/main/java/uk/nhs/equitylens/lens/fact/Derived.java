package uk.nhs.equitylens.lens.fact;

import java.util.List;

/**
 * Facts the classification rules derive (by {@code insertLogical}: they hold exactly as long as
 * what they were derived from). The assessment rules act on these, never on each other's order.
 */
public final class Derived {

	private Derived() {
	}

	/**
	 * How much the change to the ways in weighs on access findings: the largest route factor among
	 * its access changes (1 when none).
	 *
	 * @param changes the access change codes, given or inferred
	 * @param inferred the changes were inferred from the proposal type
	 */
	public record RouteChange(double factor, List<String> changes, boolean inferred) {

		public RouteChange {
			changes = List.copyOf(changes);
		}

	}

	/** The reach factor for the number of people affected. */
	public record Reach(double factor, long affected) {
	}

	/** The deprivation factor for the Core20 share (1 when the share is not known). */
	public record Deprivation(double factor, double share) {
	}

	/**
	 * A cohort the change leaves worse off whose harm counts: NEGATIVE, and not named as well by a
	 * code for the same people that weighs more (the larger weight counts, once).
	 *
	 * @param ages all, older or children
	 */
	public record HarmedCohort(String code, String phrase, double weight, String ages) {
	}

	/**
	 * Any cohort the change leaves worse off, whether or not its weight counts (a code for the same
	 * people may weigh more): overlaps and Core20PLUS5 areas read these, so naming one more group worse
	 * off never takes a pair or an area away.
	 */
	public record WorseOff(String code, String phrase, String ages) {
	}

	/** A barrier of the proposal that bears especially on a cohort the change leaves worse off. */
	public record BarrierMeetsCohort(String barrier, String barrierLabel, String cohort, String cohortLabel) {
	}

	/** A HIGH barrier that bears on a cohort the proposal claims will be better off. */
	public record BarrierBeforeBenefit(String cohort, String barrier, String barrierLabel) {
	}

	/** An access change with the weight the policy gives it. */
	public record WeighedChange(String code, double factor, boolean inferred) {
	}

	/** A mitigation a finding needs, once per code, at the largest weight any of its remedy rows gives it. */
	public record RemedyNeed(Finding finding, String code, double weight) {
	}

	/** A committed (or done) mitigation that answers a finding. */
	public record CommittedRemedy(Finding finding, String code, double weight) {
	}

	/** The harm points of a finding that committed mitigations answer: its points times the share of its remedies committed. */
	public record Credit(Finding finding, String domain, double points) {
	}

	/** A harm domain's points after the reach and deprivation factors and its cap. */
	public record DomainScore(String domain, double points, double residual) {
	}

	/** The 0..100 harm score before and after committed mitigations, and the share of harm answered. */
	public record Score(int inherent, int residual, double answeredShare) {
	}

	/** A rating: {@code INHERENT} from the score, {@code RESIDUAL} from the residual score. */
	public record Rating(String basis, String code, int rank) {

		public static final String INHERENT = "INHERENT";

		public static final String RESIDUAL = "RESIDUAL";

	}

	/** An assurance domain's score, 0..100, higher meaning better founded. */
	public record AssuranceScore(String domain, int score) {
	}

	/** The assurance level. */
	public record Assurance(String level) {
	}

	/** The equity benefit, 0..cap. */
	public record EquityBenefit(int value) {
	}

}
