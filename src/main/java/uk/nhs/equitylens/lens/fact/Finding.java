package uk.nhs.equitylens.lens.fact;

import java.util.List;

/**
 * Something the lens found, built whole in a rule consequence and never changed after. The rule
 * that made it is known from the insertion event (the engine records it), not passed in.
 *
 * @param kind what it is about: barrier, cohort, intersection, clinical, cumulative or assurance
 * @param subject the barrier, cohort, pair ({@code A+B}) or check it is about; with the kind, the
 * key of its remedies in {@code remedies.csv}
 * @param domain the lens domain whose score it counts in
 * @param severity LOW, MEDIUM or HIGH
 * @param points harm points (0 for an assurance finding, whose cost is {@code penalty})
 * @param penalty assurance points it costs its domain (0 for a harm finding)
 * @param remedyKeys the remedy-table keys ({@code kind:subject}) whose mitigations answer it: a
 * cohort harmed through a barrier is answered by that barrier's remedies
 */
public record Finding(String kind, String subject, String domain, Severity severity, double points, double penalty,
		String explanation, List<String> cohorts, List<String> barriers, List<String> remedyKeys) {

	public static final String ASSURANCE = "assurance";

	public Finding {
		if (points < 0 || penalty < 0) {
			throw new IllegalArgumentException(kind + ":" + subject + ": a finding cannot have negative points");
		}
		cohorts = List.copyOf(cohorts);
		barriers = List.copyOf(barriers);
		remedyKeys = List.copyOf(remedyKeys);
	}

	/** A harm finding, its severity read off its points against the policy's marks. */
	public static Finding harm(String kind, String subject, String domain, double points, double highFrom,
			double mediumFrom, String explanation, List<String> cohorts, List<String> barriers,
			List<String> remedyKeys) {
		return new Finding(kind, subject, domain, Severity.of(points, highFrom, mediumFrom), points, 0, explanation,
				cohorts, barriers, remedyKeys);
	}

	/** An assurance finding: a gap in how well founded the assessment is, answered by its check's remedies. */
	public static Finding gap(String check, String domain, double penalty, double highFrom, double mediumFrom,
			String explanation, List<String> cohorts) {
		return new Finding(ASSURANCE, check, domain, Severity.of(penalty, highFrom, mediumFrom), 0, penalty,
				explanation, cohorts, List.of(), List.of(ASSURANCE + ":" + check));
	}

	public boolean isHarm() {
		return !ASSURANCE.equals(kind);
	}

	@Override
	public String toString() {
		return "Finding[" + kind + ":" + subject + ", " + severity + ", " + points + " points, " + penalty + " penalty]";
	}

}
