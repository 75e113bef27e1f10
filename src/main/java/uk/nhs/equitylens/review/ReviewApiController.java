package uk.nhs.equitylens.review;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The board's review over the API. */
@RestController
class ReviewApiController {

	private static final String ID = "/api/assessments/{id:[0-9a-fA-F-]{36}}";

	private final ReviewService reviews;

	ReviewApiController(ReviewService reviews) {
		this.reviews = reviews;
	}

	@GetMapping(path = "/api/reviews/queue", produces = MediaType.APPLICATION_JSON_VALUE)
	ReviewService.Queue queue() {
		return reviews.queue();
	}

	/** Approvals against the lens (residual HIGH/SEVERE, assurance WEAK or mitigations unanswered), for governance. */
	@GetMapping(path = "/api/reviews/overrides", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Decision> overrides() {
		return reviews.overrides();
	}

	@PostMapping(path = ID + "/decisions", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Decision decide(@PathVariable UUID id, @RequestBody ReviewService.DecisionRequest request) {
		return reviews.decide(id, request);
	}

	@GetMapping(path = ID + "/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Decision> decisions(@PathVariable UUID id) {
		return reviews.decisions(id);
	}

	@PostMapping(path = ID + "/comments", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	ReviewComment comment(@PathVariable UUID id, @RequestBody CommentRequest request) {
		return reviews.comment(id, request.body());
	}

	@GetMapping(path = ID + "/comments", produces = MediaType.APPLICATION_JSON_VALUE)
	List<ReviewComment> comments(@PathVariable UUID id) {
		return reviews.comments(id);
	}

	/** The ambassador's post-implementation review, or (with {@code close: true}) the board closing it. */
	@PostMapping(path = ID + "/review", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Object review(@PathVariable UUID id, @RequestBody FollowUpRequest request) {
		if (Boolean.TRUE.equals(request.close())) {
			reviews.closeFollowUp(id);
			return Map.of("closed", true);
		}
		return reviews.recordFollowUp(id, request.whatHappened(),
				request.mitigationsDelivered() == null ? Map.of() : request.mitigationsDelivered());
	}

	record CommentRequest(String body) {
	}

	record FollowUpRequest(String whatHappened, Map<String, Boolean> mitigationsDelivered, Boolean close) {
	}

}
