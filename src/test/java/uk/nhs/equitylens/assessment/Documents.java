package uk.nhs.equitylens.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import uk.nhs.equitylens.proposal.ProposalDocument;

/**
 * Proposal documents for lens tests, built as the API receives them (a map turned into the
 * document by Jackson), with every protected characteristic and CORE20 answered NEUTRAL unless a
 * test says otherwise, so a test states only what its case is about.
 */
final class Documents {

	static final List<String> PROTECTED = List.of("AGE", "DISABILITY", "GENDER_REASSIGNMENT",
			"MARRIAGE_CIVIL_PARTNERSHIP", "PREGNANCY_MATERNITY", "RACE", "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> document = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> cohorts = new LinkedHashMap<>();

	private final List<Map<String, Object>> barriers = new ArrayList<>();

	private final List<Map<String, Object>> mitigations = new ArrayList<>();

	private Documents(String type, long affected) {
		document.put("title", "Test proposal");
		document.put("board", "PRIMARY_CARE");
		document.put("proposalType", type);
		document.put("summary", "A change the test describes.");
		Map<String, Object> population = new LinkedHashMap<>();
		population.put("affected", affected);
		document.put("population", population);
	}

	/** A proposal with every required group answered NEUTRAL with a reason, and nothing else. */
	static Documents answered(String type, long affected) {
		Documents d = new Documents(type, affected);
		d.cohort("CORE20", "NEUTRAL");
		PROTECTED.forEach(code -> d.cohort(code, "NEUTRAL"));
		return d;
	}

	/** A proposal with no cohort answered at all. */
	static Documents blank(String type, long affected) {
		return new Documents(type, affected);
	}

	@SuppressWarnings("unchecked")
	Documents core20Share(double share) {
		((Map<String, Object>) document.get("population")).put("core20Share", share);
		return this;
	}

	Documents cohort(String code, String impact) {
		Map<String, Object> cohort = new LinkedHashMap<>();
		cohort.put("code", code);
		cohort.put("impact", impact);
		if (!impact.equals("UNKNOWN")) {
			cohort.put("evidence", "What the test case says about " + code + ".");
		}
		cohorts.put(code, cohort);
		return this;
	}

	Documents without(String code) {
		cohorts.remove(code);
		return this;
	}

	Documents barrier(String code, String severity) {
		barriers.add(Map.of("code", code, "severity", severity));
		return this;
	}

	Documents accessChanges(String... codes) {
		document.put("accessChanges", List.of(codes));
		return this;
	}

	Documents clinicalAreas(String... codes) {
		document.put("clinicalAreas", List.of(codes));
		return this;
	}

	/** Split data and sources, engagement and co-production done, monitoring split both ways. */
	Documents wellFounded() {
		document.put("evidence", Map.of("dataDisaggregated", true, "sources", "Service data by IMD decile and ethnicity."));
		document.put("engagement", Map.of("affectedCommunitiesEngaged", true, "coProduced", true, "summary", "Held."));
		document.put("monitoring", Map.of("planned", true, "byDeprivation", true, "byEthnicity", true));
		return this;
	}

	/** No evidence, engagement or monitoring. */
	Documents unfounded() {
		document.put("evidence", Map.of("dataDisaggregated", false, "sources", ""));
		document.put("engagement", Map.of("affectedCommunitiesEngaged", false, "coProduced", false));
		document.put("monitoring", Map.of("planned", false, "byDeprivation", false, "byEthnicity", false));
		return this;
	}

	Documents committed(String... codes) {
		for (String code : codes) {
			mitigations.add(Map.of("code", code, "status", "COMMITTED", "owner", "Service lead", "due", "2027-03-31"));
		}
		return this;
	}

	Documents proposed(String... codes) {
		for (String code : codes) {
			mitigations.add(Map.of("code", code, "status", "PROPOSED"));
		}
		return this;
	}

	Documents copy() {
		Documents copy = new Documents((String) document.get("proposalType"), 0);
		copy.document.putAll(JSON.convertValue(document, Map.class));
		cohorts.forEach((k, v) -> copy.cohorts.put(k, new LinkedHashMap<>(v)));
		barriers.forEach(b -> copy.barriers.add(new LinkedHashMap<>(b)));
		mitigations.forEach(m -> copy.mitigations.add(new LinkedHashMap<>(m)));
		return copy;
	}

	ProposalDocument document() {
		Map<String, Object> whole = new LinkedHashMap<>(document);
		whole.put("cohorts", new ArrayList<>(cohorts.values()));
		whole.put("barriers", barriers);
		whole.put("mitigations", mitigations);
		return JSON.convertValue(whole, ProposalDocument.class);
	}

	AssessmentResult evaluate() {
		return TestAssessor.get().evaluate(document()).result();
	}

}
