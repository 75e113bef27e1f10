package uk.nhs.equitylens.assessment;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The assessment result ({@code shared/spec/proposal.md} version 2, "The assessment result"): what
 * an evaluation returns and what is stored. The spec's keys come first and keep their meaning; the
 * rest are additions.
 * <p>
 * {@code rating} and {@code score} are about harm only: who is affected, how badly, how many,
 * through which barriers, in which Core20PLUS5 areas and under what cumulative pressure.
 * {@code assurance} says how well founded the assessment is; it never moves the rating.
 *
 * @param domainScores the harm domains (cohorts, access, clinical, cumulative), adding up to the score
 * @param residualDomainScores the same after committed mitigations
 * @param provisional the document is not complete for submission, so the rating is provisional
 * @param mitigation how much of the harm the committed mitigations answer, and what no mitigation answers
 * @param assessorView the ambassador's own rating and reason, beside the lens's (absent when not given)
 * @param cumulative the other proposals that bear on the same people, as counted at evaluation time
 */
@JsonPropertyOrder({ "rating", "residualRating", "score", "residualScore", "provisional", "domainScores",
		"residualDomainScores", "equityBenefit", "assurance", "findings", "requiredMitigations", "mitigation",
		"benefits", "assessorView", "cumulative", "firedRules", "deprivation", "rulebaseVersion", "formVersion" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentResult(String rating, String residualRating, int score, int residualScore,
		boolean provisional, Map<String, Integer> domainScores, Map<String, Integer> residualDomainScores,
		int equityBenefit, Assurance assurance, List<FindingView> findings,
		List<RequiredMitigationView> requiredMitigations, MitigationCredit mitigation, List<BenefitView> benefits,
		AssessorView assessorView, CumulativeContext cumulative, List<String> firedRules,
		DeprivationReport deprivation, String rulebaseVersion, String formVersion) {

	/**
	 * How well founded the assessment is: evidence split by deprivation and ethnicity, engagement with
	 * the people affected, a monitoring plan, every required group answered.
	 *
	 * @param level STRONG, ADEQUATE or WEAK; WEAK whenever the document is incomplete
	 * @param complete every answer that submission needs is there
	 * @param missing the answers submission still needs, as document paths ({@code cohorts[CORE20]})
	 * @param gaps the rule ids of the assurance findings
	 * @param domainScores evidence, engagement and monitoring, 0..100, higher meaning better founded
	 */
	@JsonPropertyOrder({ "level", "complete", "missing", "gaps", "domainScores" })
	public record Assurance(String level, boolean complete, List<String> missing, List<String> gaps,
			Map<String, Integer> domainScores) {

		@JsonIgnore
		public boolean weak() {
			return "WEAK".equals(level);
		}

	}

	/**
	 * A finding of the lens, with the rule that made it.
	 *
	 * @param kind what the finding is about: barrier, cohort, intersection, clinical, cumulative or assurance
	 * @param points harm points it adds to its domain before the reach and deprivation factors (0 for
	 * assurance findings)
	 * @param remedies the catalogue mitigations that answer it (empty when none does)
	 */
	@JsonPropertyOrder({ "ruleId", "domain", "kind", "severity", "points", "explanation", "cohorts", "barriers",
			"remedies" })
	public record FindingView(String ruleId, String domain, String kind, String severity, double points,
			String explanation, List<String> cohorts, List<String> barriers, List<String> remedies) {

		@JsonIgnore
		public boolean assurance() {
			return "assurance".equals(kind);
		}

	}

	/**
	 * A catalogue mitigation the rules require, once per code: {@code ruleId} is the rule of the
	 * most serious finding that requires it, {@code requiredBy} every rule that does.
	 *
	 * @param status the proposal's status for it (PROPOSED, COMMITTED, DONE), absent when not offered
	 * @param satisfied the proposal carries it as COMMITTED or DONE
	 * @param assuranceAction it answers a gap in the assessment (evidence, engagement, monitoring), not harm
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "code", "label", "ruleId", "reason", "satisfied", "status", "assuranceAction",
			"requiredBy" })
	public record RequiredMitigationView(String code, String label, String ruleId, String reason, boolean satisfied,
			String status, boolean assuranceAction, List<String> requiredBy) {
	}

	/**
	 * What the committed mitigations did to the harm.
	 *
	 * @param answeredShare the share (0..1) of the harm points that committed mitigations answer
	 * @param credit the share of an answered harm that the residual takes off (a policy number)
	 * @param unmitigable findings' rule ids whose harm no mitigation of this proposal answers
	 * @param explanation one sentence for the board
	 */
	public record MitigationCredit(double answeredShare, double credit, List<String> unmitigable,
			String explanation) {
	}

	/** Equity benefit a rule credited. */
	public record BenefitView(String ruleId, String domain, double points, String explanation, List<String> cohorts) {
	}

	/** The ambassador's own rating of the proposal, with their reason, kept beside the lens's. */
	public record AssessorView(String rating, String reason) {
	}

	/**
	 * Cumulative pressure: other approved or pending proposals of the last 12 months that leave the
	 * same cohorts worse off in overlapping areas (district or LSOA). Stored with the evaluation, so
	 * a replay uses the same context.
	 *
	 * @param proposals the other assessments, by id and title
	 * @param cohorts the cohorts they share with this proposal
	 */
	public record CumulativeContext(int count, List<Other> proposals, List<String> cohorts) {

		public static final CumulativeContext NONE = new CumulativeContext(0, List.of(), List.of());

		public CumulativeContext {
			proposals = proposals == null ? List.of() : List.copyOf(proposals);
			cohorts = cohorts == null ? List.of() : List.copyOf(cohorts);
		}

		public record Other(String id, String title, String board, String status) {
		}

	}

}
