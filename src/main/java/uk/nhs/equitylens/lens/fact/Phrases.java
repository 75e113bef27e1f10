package uk.nhs.equitylens.lens.fact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Wording helpers for explanations written in rule consequences. */
public final class Phrases {

	private Phrases() {
	}

	/** 0.34 → "34%". */
	public static String percent(double fraction) {
		return Math.round(fraction * 100) + "%";
	}

	/** 12000 → "12,000" (grouped as {@code String.format(Locale.UK, "%,d", value)} does, without a Formatter). */
	public static String number(long value) {
		String digits = Long.toString(value);
		int start = value < 0 ? 1 : 0;
		int length = digits.length() - start;
		if (length <= 3) {
			return digits;
		}
		StringBuilder grouped = new StringBuilder(digits.length() + length / 3);
		grouped.append(digits, 0, start);
		int head = length % 3 == 0 ? 3 : length % 3;
		grouped.append(digits, start, start + head);
		for (int i = start + head; i < digits.length(); i += 3) {
			grouped.append(',').append(digits, i, i + 3);
		}
		return grouped.toString();
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

	/** "Age (older people)" → "Age": the qualifier in brackets is dropped from a cohort's label. */
	private static final Pattern TRAILING_PARENTHESIS = Pattern.compile("\\s*\\([^)]*\\)$");

	private static String withoutQualifier(String label) {
		// only a label that ends in ")", or in a line terminator ($ also matches before one), can match
		if (label.isEmpty() || ")\n\r\u0085\u2028\u2029".indexOf(label.charAt(label.length() - 1)) < 0) {
			return label;
		}
		return TRAILING_PARENTHESIS.matcher(label).replaceFirst("");
	}

	private static final String CHILDREN = "Children and young people: ";

	private static final String CHILDRENS = "Children and young people's ";

	public static String label(Object fact) {
		if (fact instanceof Cohort cohort) {
			String label = withoutQualifier(cohort.label());
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
			String label = area.label();
			return label.startsWith(CHILDREN) ? CHILDRENS + label.substring(CHILDREN.length()) : label;
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
		int end = 0;
		while (end < text.length() && " ,:".indexOf(text.charAt(end)) < 0) {
			end++;
		}
		String firstWord = text.substring(0, end);
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
