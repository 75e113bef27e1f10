package uk.nhs.equitylens.lens.fact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Wording helpers for explanations written in rule consequences. */
public final class Phrases {

	private Phrases() {
	}

	/** 0.34 → "34%". */
	public static String percent(double fraction) {
		return Math.round(fraction * 100) + "%";
	}

	/** 12000 → "12,000". */
	public static String number(long value) {
		return String.format(Locale.UK, "%,d", value);
	}

	/** Labels of cohorts, barriers or clinical areas, joined as "a, b and c", each starting lower case. */
	public static String labels(Collection<?> facts) {
		List<String> labels = new ArrayList<>();
		for (Object fact : facts) {
			labels.add(lowerFirst(label(fact)));
		}
		labels.sort(null);
		return join(labels);
	}

	public static String label(Object fact) {
		if (fact instanceof Cohort cohort) {
			String label = cohort.label().replaceFirst("\\s*\\([^)]*\\)$", "");
			if ("DISABILITY".equals(cohort.code())) {
				return "Disabled people";
			}
			return "protected".equals(cohort.category())
					? "People sharing the protected characteristic of " + lowerFirst(label) : label;
		}
		if (fact instanceof Barrier barrier) {
			return barrier.label();
		}
		if (fact instanceof ClinicalArea area) {
			// "Children and young people: asthma" reads as "Children and young people's asthma"
			return area.label().replaceFirst("^Children and young people: ", "Children and young people's ");
		}
		return String.valueOf(fact);
	}

	/**
	 * Cohorts that are worse off or whose impact is unknown: "a and b, who are expected to be worse
	 * off, and c, for whom the impact is not known".
	 */
	public static String atRisk(Collection<Cohort> cohorts) {
		List<Cohort> negative = cohorts.stream().filter(Cohort::isNegative).toList();
		List<Cohort> unknown = cohorts.stream().filter(c -> c.impact() == Impact.UNKNOWN).toList();
		List<String> parts = new ArrayList<>();
		if (!negative.isEmpty()) {
			parts.add(labels(negative) + ", who are expected to be worse off");
		}
		if (!unknown.isEmpty()) {
			parts.add(labels(unknown) + ", for whom the impact is not known");
		}
		return String.join(", and ", parts);
	}

	/** "a", "a and b", "a, b and c". */
	public static String join(List<String> items) {
		if (items.isEmpty()) {
			return "";
		}
		if (items.size() == 1) {
			return items.get(0);
		}
		// labels that contain commas themselves ("Gypsy, Roma and Traveller communities") are kept
		// apart with semicolons, so the list still reads unambiguously
		boolean commas = items.stream().anyMatch(item -> item.contains(","));
		String separator = commas ? "; " : ", ";
		String last = commas ? "; and " : " and ";
		return String.join(separator, items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
	}

	/** Words that keep their capital mid-sentence: names of peoples, languages and places. */
	private static final java.util.Set<String> PROPER = java.util.Set.of("Gypsy", "Roma", "Traveller", "English",
			"British", "Welsh", "NHS");

	/** "Age" → "age", but "BSL users" and "Gypsy, Roma and Traveller communities" stay. */
	static String lowerFirst(String text) {
		String firstWord = text.split("[ ,:]", 2)[0];
		if (PROPER.contains(firstWord)) {
			return text;
		}
		if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && !Character.isUpperCase(text.charAt(1))) {
			return Character.toLowerCase(text.charAt(0)) + text.substring(1);
		}
		return text;
	}

	public static String lower(String text) {
		return lowerFirst(text);
	}

	/** The first letter in upper case, to start a sentence. */
	public static String capital(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
