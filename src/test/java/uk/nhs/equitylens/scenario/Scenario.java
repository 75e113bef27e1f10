package uk.nhs.equitylens.scenario;

import java.util.List;
import java.util.stream.Stream;

import uk.nhs.equitylens.proposal.ProposalDocument;

/**
 * One scenario file ({@code rules/scenarios/NN-short-name.yaml}): a proposal document as the API
 * takes it, and what a governance analyst expects the lens to make of it.
 *
 * @param name a title for the situation, as a board member would say it
 * @param about what the situation is, which rules it exercises and, where it is modelled on a
 * published NHS case, which one
 * @param given the proposal document, with the keys of {@code shared/spec/proposal.md}
 * @param expect what the assessment must show
 */
public record Scenario(String name, String about, ProposalDocument given, Expect expect) {

	/**
	 * The expectations of a scenario. Every key is optional, except that a valid scenario states
	 * {@code rating} or {@code ratingIn}; a scenario with {@code violations} describes an invalid
	 * document and states nothing else.
	 *
	 * @param rating the exact inherent rating
	 * @param ratingIn the bands the inherent rating may fall in
	 * @param residualRating the exact residual rating
	 * @param score inclusive range {@code [min, max]} of the inherent score
	 * @param findings rule ids that must each produce at least one finding
	 * @param noFindings rule ids that must produce no finding
	 * @param fired rule ids that must fire (for rules that make no finding)
	 * @param requiredMitigations mitigation codes that must be required
	 * @param notRequired mitigation codes that must not be required
	 * @param satisfied required mitigation codes that the proposal must satisfy
	 * @param equityBenefit inclusive range {@code [min, max]} of the equity benefit
	 * @param deprivationSource where the Core20 share came from: PROPOSAL, AREAS or NONE
	 * @param violations for an invalid document, fields the rejection must name
	 */
	public record Expect(String rating, List<String> ratingIn, String residualRating, List<Integer> score,
			List<String> findings, List<String> noFindings, List<String> fired, List<String> requiredMitigations,
			List<String> notRequired, List<String> satisfied, List<Integer> equityBenefit, String deprivationSource,
			List<String> violations) {

		/** Absent lists read as empty. */
		public Expect {
			ratingIn = orEmpty(ratingIn);
			score = orEmpty(score);
			findings = orEmpty(findings);
			noFindings = orEmpty(noFindings);
			fired = orEmpty(fired);
			requiredMitigations = orEmpty(requiredMitigations);
			notRequired = orEmpty(notRequired);
			satisfied = orEmpty(satisfied);
			equityBenefit = orEmpty(equityBenefit);
			violations = orEmpty(violations);
		}

		/** Whether the scenario describes a document the lens must reject. */
		public boolean invalid() {
			return !violations.isEmpty();
		}

		/** Every rule id the expectations name. */
		public List<String> ruleIds() {
			return Stream.of(findings, noFindings, fired).flatMap(List::stream).toList();
		}

		/** Every mitigation code the expectations name. */
		public List<String> mitigationCodes() {
			return Stream.of(requiredMitigations, notRequired, satisfied)
				.flatMap(List::stream)
				.toList();
		}

		private static <T> List<T> orEmpty(List<T> list) {
			return list == null ? List.of() : List.copyOf(list);
		}

	}

}
