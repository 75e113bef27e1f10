package uk.nhs.equitylens.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.node.ObjectNode;

/** An assessment as the API shows it: its state, its answers and its evaluations, newest first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentView(UUID id, String board, String title, AssessmentStatus status, String formVersion,
		long version, Instant createdAt, Instant updatedAt, Instant submittedAt, ObjectNode answers,
		List<EvaluationView> evaluations) {

	/** One stored evaluation with its result. */
	public record EvaluationView(UUID id, int sequence, StoredEvaluation.Reason reason, Instant evaluatedAt,
			String formVersion, String rulebaseVersion, AssessmentResult result) {
	}

	/** A line of a list of assessments. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Summary(UUID id, String board, String title, AssessmentStatus status, Instant updatedAt,
			Instant submittedAt) {

		static Summary of(Assessment a) {
			return new Summary(a.getId(), a.getBoard(), a.getTitle(), a.getStatus(), a.getUpdatedAt(),
					a.getSubmittedAt());
		}

	}

	/** A page of assessments. */
	public record Page(List<Summary> content, int number, int size, long totalElements, int totalPages) {
	}

}
