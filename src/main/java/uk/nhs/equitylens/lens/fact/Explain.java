package uk.nhs.equitylens.lens.fact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The sentences findings carry, and the small calculations rule consequences need (largest factor,
 * remedy keys). Plain functions of their arguments: no state, no I/O.
 */
public final class Explain {

	private Explain() {
	}

	/** The largest of the factors, or {@code none} when there are none. */
	public static double largest(Collection<? extends Number> factors, double none) {
		double largest = none;
		for (Number factor : factors) {
			largest = Math.max(largest, factor.doubleValue());
		}
		return largest;
	}

	public static boolean any(Collection<?> flags) {
		return flags.contains(Boolean.TRUE);
	}

	/** Distinct items, sorted: the same input always reads the same way, whatever the order of facts. */
	public static List<String> sorted(Collection<?> items) {
		List<String> list = new ArrayList<>(new LinkedHashSet<>(items.stream().map(String::valueOf).toList()));
		list.sort(null);
		return list;
	}

	/** {@code barrier:CODE} for each barrier; the cohort's own remedies when no barrier bears on it. */
	public static List<String> remedyKeys(String cohort, Collection<?> barriers) {
		if (barriers.isEmpty()) {
			return List.of("cohort:" + cohort);
		}
		return sorted(barriers).stream().map(b -> "barrier:" + b).toList();
	}

	/** An overlapping pair is answered as each of its groups is: through its barriers, or by its own remedies. */
	public static List<String> remedyKeys(String first, Collection<?> firstBarriers, String second,
			Collection<?> secondBarriers) {
		List<String> keys = new ArrayList<>(remedyKeys(first, firstBarriers));
		keys.addAll(remedyKeys(second, secondBarriers));
		return sorted(keys);
	}

	/** How a cohort reads in a sentence: "Older people (65 and over)", "People sharing the protected characteristic of sex". */
	public static String cohort(String code, String label, String category) {
		return Phrases.label(new Cohort(code, label, category, Impact.NEGATIVE, false));
	}

	/** "closes a route and makes a route digital". */
	public static String changes(Collection<?> codes) {
		return Phrases.join(sorted(codes).stream().map(c -> c.toLowerCase().replace('_', ' ')).toList());
	}

	private static String lowerLabels(Collection<?> labels) {
		return Phrases.join(sorted(labels).stream().map(Phrases::lower).toList());
	}

	public static String barrier(String label, Severity severity, double routeFactor, Collection<?> changes,
			Collection<?> cohortLabels) {
		StringBuilder text = new StringBuilder(label).append(" (").append(severity.name()).append(" barrier)");
		if (routeFactor > 1.0) {
			text.append(", and the change ").append(changes(changes));
		}
		if (!cohortLabels.isEmpty()) {
			text.append(": it bears especially on ").append(lowerLabels(cohortLabels))
				.append(", who are expected to be worse off");
		}
		return text.append('.').toString();
	}

	/**
	 * "Older people are expected to be worse off, through ..."; for Core20 people, with what the
	 * Core20 share is and where it came from, when it is known.
	 */
	public static String cohortHarm(String code, String who, Collection<?> barrierLabels, String core20Statement) {
		// every cohort label names a group of people, so it takes "are"
		String text = who + " are expected to be worse off";
		if (!barrierLabels.isEmpty()) {
			text += ", through " + lowerLabels(barrierLabels);
		}
		if ("CORE20".equals(code) && core20Statement != null) {
			text += ": " + core20Statement;
		}
		return text + ".";
	}

	public static String intersection(String first, String second, String rationale) {
		return first + " and " + second + " are both expected to be worse off, and their disadvantages compound: "
				+ Phrases.lower(rationale);
	}

	public static String clinical(String area, Collection<?> cohortLabels) {
		return "The change touches " + Phrases.lower(area) + ", a Core20PLUS5 clinical area, while leaving "
				+ lowerLabels(cohortLabels) + " worse off.";
	}

	public static String cumulative(int count, Collection<?> titles, Collection<?> cohorts, int months) {
		return (count == 1 ? "One other proposal" : count + " other proposals") + " of the last " + months
				+ " months also " + (count == 1 ? "leaves " : "leave ") + Phrases.join(sorted(cohorts))
				+ " worse off in the same areas (" + String.join("; ", sorted(titles))
				+ "). No mitigation of this proposal answers that pressure; the board weighs it.";
	}

	public static String incomplete(Collection<?> labels) {
		return "The assessment is not complete (" + String.join("; ", labels.stream().map(String::valueOf).toList())
				+ "): its rating is provisional and its assurance WEAK until every required answer is given.";
	}

	public static String unknown(String code, String label, String category) {
		return "The impact on " + Phrases.lower(cohort(code, label, category))
				+ " is not known: an honest answer that asks for the evidence, never reassurance.";
	}

	public static String contested(String code, String label, String category, Collection<?> barrierLabels) {
		return "A benefit is claimed for " + Phrases.lower(cohort(code, label, category)) + ", but the change puts "
				+ lowerLabels(barrierLabels) + " (HIGH) in front of them: the benefit is not counted until monitoring shows it.";
	}

	public static String benefit(String code, String label, String category) {
		String who = cohort(code, label, category);
		return Phrases.capital(Phrases.lower(who)) + " are expected to be better off, with evidence, and have a known health gap.";
	}

	public static String clinicalBenefit(String area) {
		return "The change targets " + Phrases.lower(area) + ", a Core20PLUS5 clinical area, beside a positive impact on a group with a health gap.";
	}

}
