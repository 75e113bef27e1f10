package uk.nhs.equitylens.review;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import uk.nhs.equitylens.system.AssignedIdEntity;

/** A comment on an assessment between the board and the ambassador. */
@Entity
public class ReviewComment extends AssignedIdEntity {

	@Id
	private UUID id;

	private UUID assessmentId;

	private String author;

	@Column(columnDefinition = "text")
	private String body;

	private Instant createdAt;

	protected ReviewComment() {
	}

	ReviewComment(UUID assessmentId, String author, String body, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.assessmentId = assessmentId;
		this.author = author;
		this.body = body;
		this.createdAt = createdAt;
	}

	@Override
	public UUID getId() {
		return id;
	}

	public UUID getAssessmentId() {
		return assessmentId;
	}

	public String getAuthor() {
		return author;
	}

	public String getBody() {
		return body;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
