package uk.nhs.equitylens.vocabulary;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One code of the shared vocabulary with its label. {@code category} is set for cohorts
 * (core20, plus, inclusion_health, protected, age_group) and {@code population} for clinical areas.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Term(String code, String label, String category, String population, Boolean retired) {

	public Term {
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("a vocabulary term needs a code");
		}
		if (label == null || label.isBlank()) {
			throw new IllegalArgumentException("vocabulary term " + code + " needs a label");
		}
	}

	public static Term of(String code, String label) {
		return new Term(code, label, null, null, null);
	}

	@JsonIgnore
	public boolean isRetired() {
		return Boolean.TRUE.equals(retired);
	}

}
