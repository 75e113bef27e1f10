package uk.nhs.equitylens.review;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import uk.nhs.equitylens.assessment.AssessmentStatus;
import uk.nhs.equitylens.system.AssignedIdEntity;

/**
 * A programme board's decision on an assessment: what, why, any conditions, any override of the
 * lens (with its justification, flagged for governance), who and when, and the evaluation it was
 * made on.
 */
@Entity
public class Decision extends AssignedIdEntity {

	@Id
	private UUID id;

	private UUID assessmentId;

	private UUID evaluationId;

	@Enumerated(EnumType.STRING)
	private AssessmentStatus decision;

	@Column(columnDefinition = "text")
	private String reason;

	@Column(columnDefinition = "text")
	private String conditions;

	@Column(columnDefinition = "text")
	private String overrideJustification;

	private boolean overridden;

	private String decidedBy;

	private Instant decidedAt;

	protected Decision() {
	}

	Decision(UUID assessmentId, UUID evaluationId, AssessmentStatus decision, String reason, String conditions,
			String overrideJustification, boolean overridden, String decidedBy, Instant decidedAt) {
		this.id = UUID.randomUUID();
		this.assessmentId = assessmentId;
		this.evaluationId = evaluationId;
		this.decision = decision;
		this.reason = reason;
		this.conditions = conditions;
		this.overrideJustification = overrideJustification;
		this.overridden = overridden;
		this.decidedBy = decidedBy;
		this.decidedAt = decidedAt;
	}

	@Override
	public UUID getId() {
		return id;
	}

	public UUID getAssessmentId() {
		return assessmentId;
	}

	public UUID getEvaluationId() {
		return evaluationId;
	}

	public AssessmentStatus getDecision() {
		return decision;
	}

	public String getReason() {
		return reason;
	}

	public String getConditions() {
		return conditions;
	}

	public String getOverrideJustification() {
		return overrideJustification;
	}

	public boolean isOverridden() {
		return overridden;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

}
