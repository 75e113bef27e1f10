package uk.nhs.equitylens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import uk.nhs.equitylens.lens.LensFacts;
import uk.nhs.equitylens.lens.fact.Barrier;
import uk.nhs.equitylens.lens.fact.Cohort;
import uk.nhs.equitylens.lens.fact.Impact;
import uk.nhs.equitylens.lens.fact.Phrases;
import uk.nhs.equitylens.lens.fact.Proposal;
import uk.nhs.equitylens.lens.fact.Severity;

/**
 * The benchmark's physical limit: plain Java that computes what the five heaviest lens rules
 * compute, for the same facts, with the same words. No engine, no facts in memory, no listener:
 * loops over the proposal's barriers and cohorts.
 *
 * <p>
 * The five rules were picked by measurement: an agenda listener timed each rule's consequence and
 * the network evaluation before each of its firings over the 40 valid scenario documents (JFR
 * agreed). Heaviest of all were the constant tables of {@code thresholds.drl} (THR-001..005, whose
 * cost is inserting constants: a hand-written version needs none of it) and the rating
 * accumulations RAT-001/RAT-002 (which sum the findings of every other rule, so cannot be written
 * apart from the whole rulebase). Next come the five heaviest rules that turn proposal facts into
 * findings, and these are the ones written here:
 * <ul>
 * <li>ACC-010 access barrier (a join of every barrier with its remedy, weighted, with an
 * explanation and a required mitigation);</li>
 * <li>INT-001 overlapping cohorts (a three-way join of the overlap table with two worse-off
 * cohorts);</li>
 * <li>ACC-002 travel, and ACC-001 digital-only access ({@code collect} over the at-risk cohorts,
 * the longest explanations);</li>
 * <li>COH-009 large reach with groups worse off ({@code collect} over the Core20 and PLUS cohorts).</li>
 * </ul>
 * The constants (points per severity, access-loss factor, reach thresholds, the overlap and remedy
 * tables) are copied from {@code thresholds.drl} and {@code classification.drl};
 * {@code HandWrittenRulesTest} checks for every scenario document that this gives exactly the
 * findings the engine gives for these rules, so the copy cannot drift.
 */
public final class HandWrittenRules {

	/** The five rules this class stands in for. */
	public static final Set<String> RULE_IDS = Set.of("ACC-010", "INT-001", "ACC-002", "ACC-001", "COH-009");

	/** A finding as the rules make it, with the mitigation it requires. */
	public record HandFinding(String ruleId, Severity severity, double points, String explanation,
			List<String> cohorts, List<String> barriers, String mitigation, String reason) {
	}

	private static final double LOW = 4;

	private static final double MEDIUM = 8;

	private static final double HIGH = 14;

	private static final double ACCESS_LOSS_FACTOR = 1.5;

	private static final long LARGE_REACH = 10_000;

	private static final long VERY_LARGE_REACH = 50_000;

	private record Overlap(String first, String second, String why) {
	}

	private static final List<Overlap> OVERLAPS = List.of(
			new Overlap("AGE", "DIGITALLY_EXCLUDED", "older people are the least likely to be online"),
			new Overlap("CORE20", "DIGITALLY_EXCLUDED", "digital exclusion is most common in the most deprived areas"),
			new Overlap("CORE20", "AGE", "older people in deprived areas have more long-term conditions and fewer resources to work around a change"),
			new Overlap("CORE20", "ETHNIC_MINORITY", "ethnic minority communities are over-represented in the most deprived areas"),
			new Overlap("CORE20", "SEVERE_MENTAL_ILLNESS", "people with severe mental illness in deprived areas die earliest of preventable physical illness"),
			new Overlap("CORE20", "MULTIMORBIDITY", "multiple long-term conditions start 10 to 15 years earlier in the most deprived areas"),
			new Overlap("AGE", "RURAL_ISOLATED", "older people in rural places depend on others for transport"),
			new Overlap("AGE", "DISABILITY", "disability rises steeply with age"),
			new Overlap("AGE", "UNPAID_CARER", "many unpaid carers are themselves older people"),
			new Overlap("RURAL_ISOLATED", "DIGITALLY_EXCLUDED", "rural broadband and mobile coverage is poorest"),
			new Overlap("DISABILITY", "LEARNING_DISABILITY_AUTISM", "people with a learning disability often have other disabilities too"),
			new Overlap("ETHNIC_MINORITY", "VULNERABLE_MIGRANT", "language and entitlement barriers come together"),
			new Overlap("ETHNIC_MINORITY", "RACE", "discrimination adds to barriers of language and culture"),
			new Overlap("HOMELESS", "DRUG_ALCOHOL_DEPENDENCE", "dependence and homelessness together are the strongest predictors of early death"),
			new Overlap("HOMELESS", "SEVERE_MENTAL_ILLNESS", "homelessness makes keeping up with mental health care far harder"));

	private record Remedy(String mitigation, String reason) {
	}

	private static final Map<String, Remedy> REMEDIES = Map.ofEntries(
			Map.entry("DIGITAL_ONLY", new Remedy("NON_DIGITAL_ROUTE", "people who cannot go online need a route of equal standing")),
			Map.entry("TRAVEL_DISTANCE", new Remedy("TRANSPORT_SUPPORT", "longer journeys need transport help or a closer alternative")),
			Map.entry("TRAVEL_COST", new Remedy("TRANSPORT_SUPPORT", "travel costs need reimbursing or avoiding")),
			Map.entry("DIRECT_COST", new Remedy("COST_SUPPORT", "charges put people on low incomes off")),
			Map.entry("LANGUAGE", new Remedy("INTERPRETING_TRANSLATION", "people need to understand and be understood")),
			Map.entry("HEALTH_LITERACY", new Remedy("ACCESSIBLE_INFORMATION", "information has to be usable by everyone")),
			Map.entry("OPENING_HOURS", new Remedy("FLEXIBLE_HOURS", "hours must fit around work and caring")),
			Map.entry("PHYSICAL_ACCESS", new Remedy("REASONABLE_ADJUSTMENTS", "buildings and equipment must be usable by disabled people")),
			Map.entry("SENSORY_COMMUNICATION", new Remedy("ACCESSIBLE_INFORMATION", "the Accessible Information Standard applies")),
			Map.entry("REGISTRATION_ID", new Remedy("NO_FIXED_ABODE_ACCESS", "nobody should be turned away for lack of an address, ID or registration")),
			Map.entry("STIGMA_TRUST", new Remedy("OUTREACH_IN_COMMUNITY", "trust is built where people already are")),
			Map.entry("CARING_RESPONSIBILITIES", new Remedy("CARER_SUPPORT", "carers need flexibility to attend")),
			Map.entry("APPOINTMENT_RIGIDITY", new Remedy("FLEXIBLE_HOURS", "people with chaotic lives need drop-in or flexible appointments")),
			Map.entry("CULTURAL_ACCEPTABILITY", new Remedy("STAFF_TRAINING", "staff need the cultural competence to offer acceptable care")),
			Map.entry("SAFETY_SAFEGUARDING", new Remedy("STAFF_TRAINING", "staff need to recognise and respond to safeguarding risks")));

	private static final Set<String> DIGITAL_COHORTS = Set.of("DIGITALLY_EXCLUDED", "AGE", "CORE20");

	private static final Set<String> TRAVEL_COHORTS = Set.of("RURAL_ISOLATED", "CORE20", "AGE", "DISABILITY");

	private HandWrittenRules() {
	}

	/** The findings ACC-010, INT-001, ACC-002, ACC-001 and COH-009 make of {@code facts}. */
	public static List<HandFinding> evaluate(LensFacts facts) {
		List<HandFinding> findings = new ArrayList<>();
		Proposal proposal = facts.proposal();
		String kind = kindOf(proposal);
		double weight = routeLost(facts) ? ACCESS_LOSS_FACTOR : 1.0;
		for (Barrier barrier : facts.barriers()) {
			accessBarrier(barrier, kind, weight, findings);
			if (barrier.code().equals("DIGITAL_ONLY")) {
				barrierMeetsCohorts("ACC-001", proposal, barrier, kind, weight,
						atRisk(facts.cohorts(), DIGITAL_COHORTS), "people who cannot or do not go online may lose access",
						"NON_DIGITAL_ROUTE", cs -> "Digital-only access with " + Phrases.labels(cs) + " at risk", findings);
			}
			if (barrier.code().equals("TRAVEL_DISTANCE") || barrier.code().equals("TRAVEL_COST")) {
				barrierMeetsCohorts("ACC-002", proposal, barrier, kind, weight,
						atRisk(facts.cohorts(), TRAVEL_COHORTS), "people without a car or the money for travel may miss care",
						"TRANSPORT_SUPPORT",
						cs -> Phrases.capital(Phrases.lower(barrier.label())) + " for " + Phrases.labels(cs), findings);
			}
		}
		largeReach(facts, proposal, kind, findings);
		overlaps(facts.cohorts(), kind, findings);
		return findings;
	}

	/** ACC-010. */
	private static void accessBarrier(Barrier barrier, String kind, double weight, List<HandFinding> findings) {
		Remedy remedy = REMEDIES.get(barrier.code());
		if (remedy == null) {
			return;
		}
		String label = Phrases.lower(barrier.label());
		String weighting = weight > 1.0
				? " Because the change removes a route of access, access findings weigh " + weight + " times as much."
				: "";
		findings.add(new HandFinding("ACC-010", barrier.severity(), pointsFor(barrier.severity()) * weight,
				"This " + kind + " brings a " + barrier.severity().name().toLowerCase() + " barrier to access: " + label
						+ "." + weighting,
				List.of(), List.of(barrier.code()), remedy.mitigation(),
				Phrases.capital(remedy.reason()) + " (" + label + ")"));
	}

	/** ACC-001 and ACC-002: a barrier that meets the cohorts it hits hardest. */
	private static void barrierMeetsCohorts(String ruleId, Proposal proposal, Barrier barrier, String kind,
			double weight, List<Cohort> cohorts, String risk, String mitigation,
			Function<List<Cohort>, String> reason, List<HandFinding> findings) {
		if (cohorts.isEmpty()) {
			return;
		}
		Severity severity = barrier.severity() == Severity.LOW ? Severity.MEDIUM : Severity.HIGH;
		String share = "";
		for (Cohort cohort : cohorts) {
			if (cohort.code().equals("CORE20") && proposal.isCore20ShareKnown()) {
				share = "; " + proposal.core20Statement();
			}
		}
		String explanation = "This " + kind + " brings a " + barrier.severity().name().toLowerCase() + " barrier ("
				+ Phrases.lower(barrier.label()) + ") for " + Phrases.atRisk(cohorts) + share + ": " + risk + ".";
		findings.add(new HandFinding(ruleId, severity, pointsFor(severity) * weight, explanation, codes(cohorts),
				List.of(barrier.code()), mitigation, reason.apply(cohorts)));
	}

	/** COH-009. */
	private static void largeReach(LensFacts facts, Proposal proposal, String kind, List<HandFinding> findings) {
		if (proposal.affected() < LARGE_REACH) {
			return;
		}
		List<Cohort> worseOff = new ArrayList<>();
		for (Cohort cohort : facts.cohorts()) {
			if (cohort.impact() == Impact.NEGATIVE && cohort.isCore20Plus()) {
				worseOff.add(cohort);
			}
		}
		if (worseOff.isEmpty()) {
			return;
		}
		Severity severity = proposal.affected() >= VERY_LARGE_REACH ? Severity.HIGH : Severity.MEDIUM;
		String people = Phrases.number(proposal.affected());
		findings.add(new HandFinding("COH-009", severity, pointsFor(severity),
				"This " + kind + " reaches " + people + " people, and " + Phrases.labels(worseOff)
						+ " are expected to be worse off: any harm is spread widely.",
				codes(worseOff), List.of(), "PHASED_IMPLEMENTATION",
				"Large reach (" + people + " people) with groups worse off"));
	}

	/** INT-001. */
	private static void overlaps(List<Cohort> cohorts, String kind, List<HandFinding> findings) {
		for (Overlap overlap : OVERLAPS) {
			for (Cohort a : cohorts) {
				if (!a.code().equals(overlap.first()) || a.impact() != Impact.NEGATIVE) {
					continue;
				}
				for (Cohort b : cohorts) {
					if (!b.code().equals(overlap.second()) || b.impact() != Impact.NEGATIVE) {
						continue;
					}
					String both = Phrases.labels(List.of(a, b));
					findings.add(new HandFinding("INT-001", Severity.MEDIUM, MEDIUM,
							Phrases.capital(both) + " are both expected to be worse off, and the groups overlap: "
									+ overlap.why() + ". People in both groups feel the combined effect of this " + kind
									+ ".",
							List.of(a.code(), b.code()), List.of(), "TARGETED_ENGAGEMENT",
							"Design with people who are in both groups: " + both));
				}
			}
		}
	}

	/** CLS-003, CLS-006 and CLS-007: whether the change removes a route of access. */
	private static boolean routeLost(LensFacts facts) {
		switch (facts.proposal().type()) {
			case "CLOSURE_REDUCTION", "RELOCATION":
				return true;
			case "DIGITAL_CHANNEL":
				return facts.barriers().stream().anyMatch(b -> b.code().equals("DIGITAL_ONLY"));
			case "POLICY_CRITERIA":
				return facts.cohorts().stream().anyMatch(c -> c.impact() == Impact.NEGATIVE);
			default:
				return false;
		}
	}

	private static List<Cohort> atRisk(List<Cohort> cohorts, Set<String> codes) {
		List<Cohort> atRisk = new ArrayList<>();
		for (Cohort cohort : cohorts) {
			if (cohort.isAtRisk() && codes.contains(cohort.code())) {
				atRisk.add(cohort);
			}
		}
		return atRisk;
	}

	private static List<String> codes(List<Cohort> cohorts) {
		List<String> codes = new ArrayList<>(cohorts.size());
		cohorts.forEach(c -> codes.add(c.code()));
		return codes;
	}

	private static double pointsFor(Severity severity) {
		return severity == Severity.HIGH ? HIGH : severity == Severity.MEDIUM ? MEDIUM : LOW;
	}

	private static String kindOf(Proposal proposal) {
		return switch (proposal.type()) {
			case "NEW_SERVICE" -> "new service";
			case "SERVICE_CHANGE" -> "service change";
			case "RELOCATION" -> "relocation";
			case "CLOSURE_REDUCTION" -> "closure or reduction";
			case "DIGITAL_CHANNEL" -> "digital channel change";
			case "POLICY_CRITERIA" -> "change of policy or criteria";
			case "WORKFORCE_ESTATES" -> "workforce or estates change";
			default -> "change";
		};
	}

}
