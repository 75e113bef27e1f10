package uk.nhs.equitylens.lens.policy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import uk.nhs.equitylens.lens.RuleFile;
import uk.nhs.equitylens.lens.RulebaseException;
import uk.nhs.equitylens.lens.fact.Severity;
import uk.nhs.equitylens.lens.policy.PolicyFacts.AccessChangeWeight;
import uk.nhs.equitylens.lens.policy.PolicyFacts.AssuranceCheck;
import uk.nhs.equitylens.lens.policy.PolicyFacts.AssuranceLevel;
import uk.nhs.equitylens.lens.policy.PolicyFacts.Band;
import uk.nhs.equitylens.lens.policy.PolicyFacts.CohortWeight;
import uk.nhs.equitylens.lens.policy.PolicyFacts.Core20Band;
import uk.nhs.equitylens.lens.policy.PolicyFacts.DomainCap;
import uk.nhs.equitylens.lens.policy.PolicyFacts.Interaction;
import uk.nhs.equitylens.lens.policy.PolicyFacts.Intersection;
import uk.nhs.equitylens.lens.policy.PolicyFacts.Parameters;
import uk.nhs.equitylens.lens.policy.PolicyFacts.ReachBand;
import uk.nhs.equitylens.lens.policy.PolicyFacts.Remedy;
import uk.nhs.equitylens.lens.policy.PolicyFacts.SamePeople;
import uk.nhs.equitylens.lens.policy.PolicyFacts.SeverityPoints;
import uk.nhs.equitylens.lens.policy.PolicyFacts.TypeDefault;
import uk.nhs.equitylens.vocabulary.Term;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * Reads the policy tables ({@code rules/policy/*.csv}) into one immutable {@link Policy}. Every
 * cell is checked: its type, its range, and every code against the shared vocabulary; the tables
 * are checked against each other (every barrier and cohort has its remedies, the bands cover
 * 0..100, the factors never fall as reach or deprivation grow). Each problem is reported as
 * {@code policy/file.csv [line N]: column: problem}; any problem stops the load. Nothing in a
 * table is ever compiled or run.
 */
public final class PolicyLoader {

	public static final String FOLDER = "policy/";

	/** The harm domains, in the order results show them. */
	public static final List<String> HARM_DOMAINS = List.of("cohorts", "access", "clinical", "cumulative");

	/** The assurance domains, in the order results show them. */
	public static final List<String> ASSURANCE_DOMAINS = List.of("evidence", "engagement", "monitoring");

	/**
	 * The finding kinds the remedy table answers. An intersection has no rows of its own: it is
	 * answered as each of its two groups is.
	 */
	public static final List<String> FINDING_KINDS = List.of("barrier", "cohort", "clinical", "cumulative",
			"assurance");

	/** The assurance checks the rules make (each rule names its check in {@code assurance.csv}). */
	public static final List<String> ASSURANCE_CHECKS = List.of("INCOMPLETE", "DATA_NOT_SPLIT", "NO_SOURCES",
			"IMPACT_UNKNOWN", "BENEFIT_CONTESTED", "NOT_ENGAGED", "NOT_COPRODUCED", "NO_MONITORING",
			"MONITORING_NOT_BY_DEPRIVATION", "MONITORING_NOT_BY_ETHNICITY");

	static final String CLINICAL_SUBJECT = "CORE20PLUS5";

	static final String CUMULATIVE_SUBJECT = "PRESSURE";

	private static final List<String> AGES = List.of("all", "older", "children");

	/** Each table: its title and its columns, in order. */
	static final Map<String, Schema> SCHEMAS = schemas();

	record Schema(String title, List<String> columns) {
	}

	private static Map<String, Schema> schemas() {
		Map<String, Schema> s = new LinkedHashMap<>();
		s.put("parameters", new Schema("Single numbers", List.of("name", "value", "rationale")));
		s.put("cohorts", new Schema("Cohort weights: harm when worse off, benefit when better off",
				List.of("code", "harm", "benefit", "ages", "rationale")));
		s.put("same-people", new Schema("Codes that name the same people", List.of("first", "second", "rationale")));
		s.put("intersections", new Schema("Overlapping groups whose disadvantages compound",
				List.of("first", "second", "points", "rationale")));
		s.put("severity", new Schema("Harm points of a barrier by severity", List.of("severity", "points", "rationale")));
		s.put("interactions", new Schema("Barriers that bear especially on a cohort",
				List.of("cohort", "barrier", "rationale")));
		s.put("access-changes", new Schema("What a change to the ways in weighs",
				List.of("code", "route_factor", "rationale")));
		s.put("proposal-types", new Schema("Access change inferred from the proposal type when none is given",
				List.of("type", "access_change", "rationale")));
		s.put("reach", new Schema("Reach: factor by people affected", List.of("from", "factor", "rationale")));
		s.put("core20-share", new Schema("Deprivation: factor by Core20 share", List.of("from", "factor", "rationale")));
		s.put("domains", new Schema("Harm domains and their caps", List.of("domain", "cap", "scaled", "rationale")));
		s.put("bands", new Schema("Rating bands over the 0..100 score", List.of("rating", "from", "to", "rationale")));
		s.put("remedies", new Schema("Which mitigations answer which finding",
				List.of("finding", "subject", "mitigation", "weight", "rationale")));
		s.put("assurance", new Schema("What each gap in the assessment costs its assurance domain",
				List.of("check", "domain", "penalty", "rationale")));
		s.put("assurance-levels", new Schema("Assurance levels", List.of("level", "from", "rationale")));
		return Map.copyOf(s);
	}

	private final Vocabulary vocabulary;

	public PolicyLoader() {
		this(SharedVocabulary.INSTANCE);
	}

	public PolicyLoader(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	/** The vocabulary the tables are checked against: the one shipped with the application. */
	private static final class SharedVocabulary {

		static final Vocabulary INSTANCE = Vocabulary.load();

	}

	/** Whether a rule file is one of the policy tables. */
	public static boolean isTable(String path) {
		return path.startsWith(FOLDER) && path.endsWith(".csv");
	}

	/** Reads and checks the tables among {@code files} (the others are ignored). */
	public Policy load(List<RuleFile> files) {
		Problems problems = new Problems();
		Map<String, PolicyTable> tables = new LinkedHashMap<>();
		Map<String, RuleFile> byName = new HashMap<>();
		for (RuleFile file : files) {
			if (isTable(file.path())) {
				String name = file.path().substring(FOLDER.length(), file.path().length() - ".csv".length());
				if (!SCHEMAS.containsKey(name)) {
					problems.add(file.path(), 0, null, "is not a policy table; the tables are " + SCHEMAS.keySet());
				}
				else {
					byName.put(name, file);
				}
			}
		}
		for (Map.Entry<String, Schema> entry : SCHEMAS.entrySet()) {
			RuleFile file = byName.get(entry.getKey());
			if (file == null) {
				problems.add(FOLDER + entry.getKey() + ".csv", 0, null, "is missing: the lens needs every policy table");
				continue;
			}
			PolicyTable table = read(entry.getKey(), file, entry.getValue(), problems);
			if (table != null) {
				tables.put(entry.getKey(), table);
			}
		}
		problems.stopIfAny();
		Typed typed = new Typed(tables, problems);
		Policy policy = typed.policy();
		problems.stopIfAny();
		return policy;
	}

	private static PolicyTable read(String name, RuleFile file, Schema schema, Problems problems) {
		CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(file.text().replace("\r\n", "\n")), format)) {
			List<CSVRecord> records = parser.getRecords();
			if (records.isEmpty()) {
				problems.add(file.path(), 1, null, "is empty; its first line names the columns " + schema.columns());
				return null;
			}
			List<String> header = records.get(0).toList();
			if (!header.equals(schema.columns())) {
				problems.add(file.path(), 1, null, "has the columns " + header + "; expected " + schema.columns());
				return null;
			}
			List<PolicyTable.Row> rows = new ArrayList<>();
			for (CSVRecord record : records.subList(1, records.size())) {
				// the header is record 1 on line 1; cells never span lines in these tables
				int line = (int) record.getRecordNumber();
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				if (record.size() != header.size()) {
					problems.add(file.path(), line, null,
							"has " + record.size() + " cells; expected " + header.size() + " (" + header + ")");
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				for (int i = 0; i < header.size(); i++) {
					cells.put(header.get(i), record.get(i).strip());
				}
				rows.add(new PolicyTable.Row(line, cells));
			}
			return new PolicyTable(name, file.path(), schema.title(), header, rows);
		}
		catch (IOException | RuntimeException ex) {
			problems.add(file.path(), 0, null, "cannot be read as CSV: " + ex.getMessage());
			return null;
		}
	}

	/** The typed facts of the tables, with every cross-check. */
	private final class Typed {

		private final Map<String, PolicyTable> tables;

		private final Problems problems;

		Typed(Map<String, PolicyTable> tables, Problems problems) {
			this.tables = tables;
			this.problems = problems;
		}

		Policy policy() {
			List<Object> facts = new ArrayList<>();
			facts.add(parameters());
			List<CohortWeight> cohorts = cohorts();
			facts.addAll(cohorts);
			Set<String> samePairs = new HashSet<>();
			facts.addAll(samePeople(samePairs));
			List<Intersection> intersections = intersections(samePairs);
			facts.addAll(intersections);
			facts.addAll(severities());
			facts.addAll(interactions());
			facts.addAll(accessChanges());
			facts.addAll(typeDefaults());
			facts.addAll(reach());
			facts.addAll(core20());
			facts.addAll(domains());
			facts.addAll(bands());
			facts.addAll(remedies());
			facts.addAll(assurance());
			facts.addAll(assuranceLevels());
			ASSURANCE_DOMAINS.forEach(d -> facts.add(new PolicyFacts.AssuranceDomain(d)));
			return new Policy(List.copyOf(tables.values()), facts);
		}

		private Cells cells(String table, PolicyTable.Row row) {
			return new Cells(tables.get(table).path(), row, problems);
		}

		private List<PolicyTable.Row> rows(String table) {
			return tables.get(table).rows();
		}

		private void requireEvery(String table, String what, Set<String> seen, Iterable<String> expected) {
			for (String code : expected) {
				if (!seen.contains(code)) {
					problems.add(tables.get(table).path(), 0, null, "has no row for " + what + " " + code);
				}
			}
		}

		private Parameters parameters() {
			Map<String, Double> values = new HashMap<>();
			List<String> names = List.of("mitigation_credit", "finding_high_points", "finding_medium_points",
					"clinical_harm_points", "clinical_benefit_points", "cumulative_points_per_proposal",
					"cumulative_window_months", "benefit_cap", "gap_high_penalty", "gap_medium_penalty");
			for (PolicyTable.Row row : rows("parameters")) {
				Cells c = cells("parameters", row);
				String name = c.text("name");
				if (!names.contains(name)) {
					c.fail("name", "\"" + name + "\" is not a parameter the lens reads; they are " + names);
					continue;
				}
				// with bands that double, a credit of 0.5 to 0.75 moves a fully mitigated residual one band at
				// least (property 7) and two at most (property 6): outside it, the promises would not hold
				Double value = name.equals("mitigation_credit") ? c.number("value", 0.5, 0.75) : c.number("value", 0, 1000);
				if (value != null && values.put(name, value) != null) {
					c.fail("name", name + " is given twice");
				}
			}
			requireEvery("parameters", "parameter", values.keySet(), names);
			if (values.size() < names.size()) {
				return new Parameters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
			}
			return new Parameters(values.get("mitigation_credit"), values.get("finding_high_points"),
					values.get("finding_medium_points"), values.get("clinical_harm_points"),
					values.get("clinical_benefit_points"), values.get("cumulative_points_per_proposal"),
					(int) Math.round(values.get("cumulative_window_months")), values.get("benefit_cap"),
					values.get("gap_high_penalty"), values.get("gap_medium_penalty"));
		}

		private List<CohortWeight> cohorts() {
			List<CohortWeight> weights = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			int rank = 0;
			for (PolicyTable.Row row : rows("cohorts")) {
				Cells c = cells("cohorts", row);
				String code = c.code("code", vocabulary.cohorts());
				Double harm = c.number("harm", 0, 100);
				Double benefit = c.number("benefit", 0, 100);
				String ages = c.oneOf("ages", AGES);
				c.rationale();
				if (code != null && !seen.add(code)) {
					c.fail("code", code + " has a row already");
				}
				if (code != null && harm != null && benefit != null && ages != null) {
					weights.add(new CohortWeight(code, harm, benefit, ages, rank++));
				}
			}
			requireEvery("cohorts", "cohort", seen, active(vocabulary.cohorts()));
			return weights;
		}

		private List<SamePeople> samePeople(Set<String> pairs) {
			List<SamePeople> same = new ArrayList<>();
			for (PolicyTable.Row row : rows("same-people")) {
				Cells c = cells("same-people", row);
				String first = c.code("first", vocabulary.cohorts());
				String second = c.code("second", vocabulary.cohorts());
				c.rationale();
				if (first != null && second != null) {
					if (first.equals(second)) {
						c.fail("second", "a code names the same people as itself");
					}
					else if (!pairs.add(pair(first, second))) {
						c.fail("second", first + " and " + second + " are paired already");
					}
					else {
						same.add(new SamePeople(first, second));
						same.add(new SamePeople(second, first));
					}
				}
			}
			return same;
		}

		private List<Intersection> intersections(Set<String> samePairs) {
			List<Intersection> list = new ArrayList<>();
			Set<String> pairs = new HashSet<>();
			for (PolicyTable.Row row : rows("intersections")) {
				Cells c = cells("intersections", row);
				String first = c.code("first", vocabulary.cohorts());
				String second = c.code("second", vocabulary.cohorts());
				Double points = c.number("points", 0, 50);
				String rationale = c.rationale();
				if (first == null || second == null || points == null) {
					continue;
				}
				if (first.equals(second)) {
					c.fail("second", "a group does not intersect with itself");
				}
				else if (samePairs.contains(pair(first, second))) {
					c.fail("second", first + " and " + second
							+ " name the same people (same-people.csv): never an intersection");
				}
				else if (!pairs.add(pair(first, second))) {
					c.fail("second", first + " and " + second + " are paired already");
				}
				else if (namesTheSamePeople(first, second, list, samePairs)) {
					c.fail("second", first + " and " + second
							+ " name the same people as a pair above (same-people.csv): the overlap would count twice");
				}
				else {
					list.add(new Intersection(first, second, points, rationale));
				}
			}
			return list;
		}

		private List<SeverityPoints> severities() {
			List<SeverityPoints> list = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			List<String> levels = List.of("LOW", "MEDIUM", "HIGH");
			Double previous = null;
			for (PolicyTable.Row row : rows("severity")) {
				Cells c = cells("severity", row);
				String severity = c.oneOf("severity", levels);
				Double points = c.number("points", 0, 50);
				c.rationale();
				if (severity != null && points != null) {
					if (!seen.add(severity)) {
						c.fail("severity", severity + " has a row already");
					}
					if (previous != null && points < previous) {
						c.fail("points", "a more severe barrier cannot carry fewer points than the one above it");
					}
					previous = points;
					list.add(new SeverityPoints(Severity.valueOf(severity), points));
				}
			}
			requireEvery("severity", "severity", seen, levels);
			return list;
		}

		private List<Interaction> interactions() {
			List<Interaction> list = new ArrayList<>();
			Set<String> pairs = new HashSet<>();
			for (PolicyTable.Row row : rows("interactions")) {
				Cells c = cells("interactions", row);
				String cohort = c.code("cohort", vocabulary.cohorts());
				String barrier = c.code("barrier", vocabulary.barriers());
				String rationale = c.rationale();
				if (cohort != null && barrier != null) {
					if (!pairs.add(cohort + "|" + barrier)) {
						c.fail("barrier", cohort + " and " + barrier + " have a row already");
					}
					list.add(new Interaction(cohort, barrier, rationale));
				}
			}
			return list;
		}

		private List<AccessChangeWeight> accessChanges() {
			List<AccessChangeWeight> list = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (PolicyTable.Row row : rows("access-changes")) {
				Cells c = cells("access-changes", row);
				String code = c.code("code", vocabulary.accessChanges());
				Double factor = c.number("route_factor", 1, 5);
				c.rationale();
				if (code != null && factor != null) {
					if (!seen.add(code)) {
						c.fail("code", code + " has a row already");
					}
					list.add(new AccessChangeWeight(code, factor));
				}
			}
			requireEvery("access-changes", "access change", seen, active(vocabulary.accessChanges()));
			return list;
		}

		private List<TypeDefault> typeDefaults() {
			List<TypeDefault> list = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (PolicyTable.Row row : rows("proposal-types")) {
				Cells c = cells("proposal-types", row);
				String type = c.code("type", vocabulary.proposalTypes());
				String change = c.code("access_change", vocabulary.accessChanges());
				c.rationale();
				if (type != null && change != null) {
					if (!seen.add(type + "|" + change)) {
						c.fail("access_change", "this row is given twice");
					}
					list.add(new TypeDefault(type, change));
				}
			}
			return list;
		}

		private List<ReachBand> reach() {
			List<ReachBand> list = new ArrayList<>();
			for (PolicyTable.Row row : rows("reach")) {
				Cells c = cells("reach", row);
				Double from = c.number("from", 0, 1e9);
				Double factor = c.number("factor", 0, 5);
				c.rationale();
				if (from != null && factor != null) {
					list.add(new ReachBand(Math.round(from), factor));
				}
			}
			ascending("reach", list.stream().map(r -> (double) r.from()).toList(),
					list.stream().map(ReachBand::factor).toList(), "people affected");
			return list;
		}

		private List<Core20Band> core20() {
			List<Core20Band> list = new ArrayList<>();
			for (PolicyTable.Row row : rows("core20-share")) {
				Cells c = cells("core20-share", row);
				Double from = c.number("from", 0, 1);
				Double factor = c.number("factor", 0, 5);
				c.rationale();
				if (from != null && factor != null) {
					list.add(new Core20Band(from, factor));
				}
			}
			ascending("core20-share", list.stream().map(Core20Band::from).toList(),
					list.stream().map(Core20Band::factor).toList(), "Core20 share");
			return list;
		}

		/** Bands start at 0 and rise, and so do their factors: more people, or more deprived, never weighs less. */
		private void ascending(String table, List<Double> froms, List<Double> factors, String what) {
			String path = tables.get(table).path();
			if (froms.isEmpty() || froms.get(0) != 0) {
				problems.add(path, 0, null, "must start with a row from 0 (" + what + ")");
			}
			for (int i = 1; i < froms.size(); i++) {
				if (froms.get(i) <= froms.get(i - 1)) {
					problems.add(path, i + 2, "from", "rows must rise in " + what);
				}
				if (factors.get(i) < factors.get(i - 1)) {
					problems.add(path, i + 2, "factor", "a larger " + what + " can never weigh less than a smaller one");
				}
			}
		}

		private List<DomainCap> domains() {
			List<DomainCap> list = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			double total = 0;
			for (PolicyTable.Row row : rows("domains")) {
				Cells c = cells("domains", row);
				String domain = c.oneOf("domain", HARM_DOMAINS);
				Double cap = c.number("cap", 0, 100);
				Boolean scaled = c.bool("scaled");
				c.rationale();
				if (domain != null && cap != null && scaled != null) {
					if (!seen.add(domain)) {
						c.fail("domain", domain + " has a row already");
					}
					total += cap;
					list.add(new DomainCap(domain, cap, scaled));
				}
			}
			requireEvery("domains", "harm domain", seen, HARM_DOMAINS);
			if (total > 100.0001) {
				problems.add(tables.get("domains").path(), 0, "cap", "the caps add up to " + total + ", more than the score's 100");
			}
			return list;
		}

		private List<Band> bands() {
			List<Band> list = new ArrayList<>();
			List<String> ratings = List.copyOf(vocabulary.ratings().keySet());
			int expectedFrom = 0;
			int rank = 0;
			for (PolicyTable.Row row : rows("bands")) {
				Cells c = cells("bands", row);
				String rating = c.code("rating", vocabulary.ratings());
				Double from = c.number("from", 0, 100);
				Double to = c.number("to", 0, 100);
				c.rationale();
				if (rating == null || from == null || to == null) {
					continue;
				}
				if (rank < ratings.size() && !rating.equals(ratings.get(rank))) {
					c.fail("rating", "the bands go " + ratings + " in that order");
				}
				if (from.intValue() != expectedFrom) {
					c.fail("from", "starts at " + from.intValue() + "; the band after the one above must start at " + expectedFrom);
				}
				if (to < from) {
					c.fail("to", "ends before it starts");
				}
				expectedFrom = to.intValue() + 1;
				list.add(new Band(rating, from.intValue(), to.intValue(), rank++));
			}
			if (expectedFrom != 101) {
				problems.add(tables.get("bands").path(), 0, null, "the bands must cover the score 0..100");
			}
			if (list.size() != ratings.size()) {
				problems.add(tables.get("bands").path(), 0, null, "needs one band for each of " + ratings);
			}
			return list;
		}

		private List<Remedy> remedies() {
			List<Remedy> list = new ArrayList<>();
			Set<String> keys = new HashSet<>();
			Set<String> rows = new HashSet<>();
			for (PolicyTable.Row row : rows("remedies")) {
				Cells c = cells("remedies", row);
				String kind = c.oneOf("finding", FINDING_KINDS);
				String subject = c.text("subject");
				String mitigation = c.text("mitigation");
				Double weight = c.number("weight", 0, 10);
				String rationale = c.rationale();
				if (kind == null || weight == null) {
					continue;
				}
				boolean subjectKnown = switch (kind) {
					case "barrier" -> vocabulary.barriers().containsKey(subject);
					case "cohort" -> vocabulary.cohorts().containsKey(subject);
					case "clinical" -> CLINICAL_SUBJECT.equals(subject);
					case "cumulative" -> CUMULATIVE_SUBJECT.equals(subject);
					default -> ASSURANCE_CHECKS.contains(subject);
				};
				if (!subjectKnown) {
					c.fail("subject", "\"" + subject + "\" is not a " + kind + " the lens finds");
					continue;
				}
				if (!Remedy.NONE.equals(mitigation) && !vocabulary.mitigations().containsKey(mitigation)) {
					c.fail("mitigation", "\"" + mitigation + "\" is not in the mitigation catalogue (or NONE)");
					continue;
				}
				String key = kind + ":" + subject;
				if (!rows.add(key + "|" + mitigation)) {
					c.fail("mitigation", mitigation + " is given for " + key + " already");
				}
				keys.add(key);
				list.add(new Remedy(key, mitigation, weight, rationale));
			}
			List<String> expected = new ArrayList<>();
			active(vocabulary.barriers()).forEach(b -> expected.add("barrier:" + b));
			active(vocabulary.cohorts()).forEach(b -> expected.add("cohort:" + b));
			expected.add("clinical:" + CLINICAL_SUBJECT);
			expected.add("cumulative:" + CUMULATIVE_SUBJECT);
			ASSURANCE_CHECKS.forEach(k -> expected.add("assurance:" + k));
			requireEvery("remedies", "finding", keys, expected);
			return list;
		}

		private List<AssuranceCheck> assurance() {
			List<AssuranceCheck> list = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (PolicyTable.Row row : rows("assurance")) {
				Cells c = cells("assurance", row);
				String check = c.oneOf("check", ASSURANCE_CHECKS);
				String domain = c.oneOf("domain", ASSURANCE_DOMAINS);
				Double penalty = c.number("penalty", 0, 100);
				c.rationale();
				if (check != null && domain != null && penalty != null) {
					if (!seen.add(check)) {
						c.fail("check", check + " has a row already");
					}
					list.add(new AssuranceCheck(check, domain, penalty));
				}
			}
			requireEvery("assurance", "check", seen, ASSURANCE_CHECKS);
			return list;
		}

		private List<AssuranceLevel> assuranceLevels() {
			List<AssuranceLevel> list = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			int rank = 0;
			double previous = -1;
			for (PolicyTable.Row row : rows("assurance-levels")) {
				Cells c = cells("assurance-levels", row);
				String level = c.code("level", vocabulary.assuranceLevels());
				Double from = c.number("from", 0, 100);
				c.rationale();
				if (level != null && from != null) {
					if (!seen.add(level)) {
						c.fail("level", level + " has a row already");
					}
					if (rank == 0 && from != 0) {
						c.fail("from", "the lowest level starts at 0");
					}
					if (from <= previous) {
						c.fail("from", "each level starts above the one before it");
					}
					previous = from;
					list.add(new AssuranceLevel(level, from, rank++));
				}
			}
			requireEvery("assurance-levels", "level", seen, active(vocabulary.assuranceLevels()));
			return list;
		}

	}

	/** Another row names the same two groups of people: each side the same code or a code for the same people. */
	private static boolean namesTheSamePeople(String first, String second, List<Intersection> rows, Set<String> samePairs) {
		for (Intersection row : rows) {
			boolean straight = same(first, row.first(), samePairs) && same(second, row.second(), samePairs);
			boolean crossed = same(first, row.second(), samePairs) && same(second, row.first(), samePairs);
			if (straight || crossed) {
				return true;
			}
		}
		return false;
	}

	private static boolean same(String a, String b, Set<String> samePairs) {
		return a.equals(b) || samePairs.contains(pair(a, b));
	}

	private static List<String> active(Map<String, Term> terms) {
		return terms.values().stream().filter(t -> !t.isRetired()).map(Term::code).toList();
	}

	private static String pair(String a, String b) {
		return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
	}

	/** One row's cells, read with their types; each problem is reported against the row and column. */
	private static final class Cells {

		private final String path;

		private final PolicyTable.Row row;

		private final Problems problems;

		Cells(String path, PolicyTable.Row row, Problems problems) {
			this.path = path;
			this.row = row;
			this.problems = problems;
		}

		void fail(String column, String problem) {
			problems.add(path, row.line(), column, problem);
		}

		String text(String column) {
			return row.get(column);
		}

		String rationale() {
			String text = row.get("rationale");
			if (text.isBlank()) {
				fail("rationale", "is empty: say in a sentence why this row is policy");
			}
			return text;
		}

		String code(String column, Map<String, Term> codes) {
			String code = row.get(column);
			if (!codes.containsKey(code)) {
				fail(column, "\"" + code + "\" is not a code of the shared vocabulary");
				return null;
			}
			return code;
		}

		String oneOf(String column, List<String> allowed) {
			String value = row.get(column);
			if (!allowed.contains(value)) {
				fail(column, "\"" + value + "\" is not one of " + allowed);
				return null;
			}
			return value;
		}

		Double number(String column, double min, double max) {
			String value = row.get(column);
			double number;
			try {
				number = Double.parseDouble(value);
			}
			catch (NumberFormatException ex) {
				fail(column, "\"" + value + "\" is not a number");
				return null;
			}
			if (!Double.isFinite(number) || number < min || number > max) {
				fail(column, value + " is outside " + plain(min) + ".." + plain(max));
				return null;
			}
			return number;
		}

		Boolean bool(String column) {
			String value = row.get(column);
			if (!value.equals("true") && !value.equals("false")) {
				fail(column, "\"" + value + "\" is not true or false");
				return null;
			}
			return Boolean.valueOf(value);
		}

		private static String plain(double number) {
			return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
		}

	}

	/** Every problem found, in the order found; thrown together. */
	private static final class Problems {

		private final Set<String> problems = new LinkedHashSet<>();

		void add(String path, int line, String column, String problem) {
			problems.add(path + " [line " + line + "]: " + (column == null ? "" : column + ": ") + problem);
		}

		void stopIfAny() {
			if (!problems.isEmpty()) {
				throw new RulebaseException(new ArrayList<>(problems));
			}
		}

	}

}
