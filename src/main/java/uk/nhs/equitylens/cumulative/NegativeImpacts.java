package uk.nhs.equitylens.cumulative;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What a proposal document (answered or as evaluated) says about cumulative impact: the cohorts it
 * leaves worse off (impact NEGATIVE) and the LSOA codes it names (normalised, distinct), both in
 * the document's order. The report and the cumulative pressure on a new evaluation read documents
 * the same way, so they count the same proposals.
 */
record NegativeImpacts(Set<String> cohorts, Set<String> areas) {

	static final String NEGATIVE = "NEGATIVE";

	NegativeImpacts {
		cohorts = Collections.unmodifiableSet(new LinkedHashSet<>(cohorts));
		areas = Collections.unmodifiableSet(new LinkedHashSet<>(areas));
	}

	static NegativeImpacts of(JsonNode document) {
		Set<String> cohorts = new LinkedHashSet<>();
		document.path("cohorts").valueStream().forEach(cohort -> {
			String code = cohort.path("code").asString("").strip();
			if (!code.isEmpty() && NEGATIVE.equals(cohort.path("impact").asString(""))) {
				cohorts.add(code);
			}
		});
		Set<String> areas = new LinkedHashSet<>();
		document.path("population").path("areas").valueStream().forEach(area -> {
			String code = area.asString("");
			if (!code.isBlank()) {
				areas.add(LsoaDistricts.normalise(code));
			}
		});
		return new NegativeImpacts(cohorts, areas);
	}

	boolean none() {
		return cohorts.isEmpty();
	}

}
