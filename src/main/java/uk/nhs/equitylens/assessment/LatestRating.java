package uk.nhs.equitylens.assessment;

import java.util.UUID;

/** An assessment's latest rating and residual rating: what lists and queues show beside its title. */
public record LatestRating(UUID assessmentId, String rating, String residualRating) {
}
