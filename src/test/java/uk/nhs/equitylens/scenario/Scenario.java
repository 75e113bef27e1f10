package uk.nhs.equitylens.scenario;

import java.util.List;
import java.util.stream.Stream;

import uk.nhs.equitylens.proposal.ProposalDocument;

/**
 * One scenario file ({@code rules/scenarios/NN-short-name.yaml}): a proposal document as the API
 * takes it, and what a governance analyst, working by hand from the policy tables, expects the lens
 * to make of it.
 *
 * @param name a title for the situation, as a board member would say it
 * @param about what the situation is and the arithmetic behind the expectation, worked from
 * {@code rules/policy/*.csv}
 * @param given the proposal document, with the keys of {@code shared/spec/proposal.md}
 * @param expect what the assessment must show
 */
public record Scenario(String name, String about, ProposalDocument given, Expect expect) {

	/**
	 * The expectations of a scenario. A valid scenario states {@code findings}, {@code score},
	 * {@code rating}, {@code residualScore}, {@code residualRating} and {@code assurance}; a scenario
	 * with {@code violations} describes an invalid document and states nothing else.
	 *
	 * @param findings the exact set of rule ids that make a finding (several findings of one rule
	 * count once); an empty list means no finding at all
	 * @param score the inherent score, checked within {@link #SCORE_TOLERANCE}
	 * @param rating the inherent rating
	 * @param residualScore the residual score, checked within {@link #SCORE_TOLERANCE}
	 * @param residualRating the residual rating
	 * @param assurance the assurance level: STRONG, ADEQUATE or WEAK
	 * @param fired rule ids that must fire (for rules that make no finding: CLS, REM, RAT, ASR, BEN)
	 * @param requiredMitigations mitigation codes that must be among those required
	 * @param notRequired mitigation codes that must not be required
	 * @param equityBenefit inclusive range {@code [min, max]} of the equity benefit
	 * @param deprivationSource where the Core20 share came from: PROPOSAL, AREAS or NONE
	 * @param edgeIsThePoint the scenario is about a score at a band edge: allows an expected score
	 * within {@link #EDGE_MARGIN} of one
	 * @param violations for an invalid document, fields the rejection must name
	 */
	public record Expect(List<String> findings, Integer score, String rating, Integer residualScore,
			String residualRating, String assurance, List<String> fired, List<String> requiredMitigations,
			List<String> notRequired, List<Integer> equityBenefit, String deprivationSource, Boolean edgeIsThePoint,
			List<String> violations) {

		/** How far the lens's score may be from the expected one: a hand calculation, not a copy. */
		public static final int SCORE_TOLERANCE = 3;

		/** How close to a band edge an expected score may not come, unless the edge is the point. */
		public static final int EDGE_MARGIN = 2;

		/** Absent lists read as empty, except {@code findings}, which a valid scenario must state. */
		public Expect {
			fired = orEmpty(fired);
			requiredMitigations = orEmpty(requiredMitigations);
			notRequired = orEmpty(notRequired);
			equityBenefit = orEmpty(equityBenefit);
			violations = orEmpty(violations);
			findings = findings == null ? null : List.copyOf(findings);
		}

		/** Whether the scenario describes a document the lens must reject. */
		public boolean invalid() {
			return !violations.isEmpty();
		}

		/** Whether the scenario allows an expected score at a band edge. */
		public boolean edgeAllowed() {
			return Boolean.TRUE.equals(edgeIsThePoint);
		}

		/** The findings, empty when not stated. */
		public List<String> findingsOrEmpty() {
			return findings == null ? List.of() : findings;
		}

		/** Every rule id the expectations name. */
		public List<String> ruleIds() {
			return Stream.of(findingsOrEmpty(), fired).flatMap(List::stream).toList();
		}

		/** Every mitigation code the expectations name. */
		public List<String> mitigationCodes() {
			return Stream.of(requiredMitigations, notRequired).flatMap(List::stream).toList();
		}

		private static <T> List<T> orEmpty(List<T> list) {
			return list == null ? List.of() : List.copyOf(list);
		}

	}

}
