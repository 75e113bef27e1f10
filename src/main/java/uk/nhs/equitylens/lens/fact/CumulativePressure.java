package uk.nhs.equitylens.lens.fact;

import java.util.List;

/**
 * Other approved or pending proposals of the last months that leave the same cohorts worse off in
 * overlapping areas. Worked out when the evaluation is made and stored with it, so a replay reads
 * the same pressure.
 *
 * @param titles the other proposals' titles
 * @param cohorts the cohorts they share with this proposal
 */
public record CumulativePressure(int count, List<String> titles, List<String> cohorts) {

	public CumulativePressure {
		titles = List.copyOf(titles);
		cohorts = List.copyOf(cohorts);
	}


}
