package uk.nhs.equitylens.assessment;

import java.util.Optional;
import java.util.UUID;

/**
 * The board's latest decision on an assessment, as the ambassador's pages show it. Implemented by
 * the review feature, so that assessments do not depend on it.
 */
public interface BoardDecisions {

	Optional<Summary> latest(UUID assessmentId);

	/** What the ambassador reads: the decision, who made it, why, and any conditions. */
	record Summary(String decision, String decidedBy, String reason, String conditions) {
	}

}
