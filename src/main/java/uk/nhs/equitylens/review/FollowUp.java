package uk.nhs.equitylens.review;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import uk.nhs.equitylens.system.AssignedIdEntity;

/**
 * The post-implementation review of an approved assessment: what actually happened to uptake and
 * outcomes for the affected cohorts, and whether each committed mitigation was delivered.
 */
@Entity
public class FollowUp extends AssignedIdEntity {

	@Id
	private UUID id;

	private UUID assessmentId;

	@Column(columnDefinition = "text")
	private String whatHappened;

	/** JSON object: mitigation code to true (delivered) or false. */
	@Column(columnDefinition = "text")
	private String mitigationsDelivered;

	private String recordedBy;

	private Instant recordedAt;

	protected FollowUp() {
	}

	FollowUp(UUID assessmentId, String whatHappened, String mitigationsDelivered, String recordedBy, Instant recordedAt) {
		this.id = UUID.randomUUID();
		this.assessmentId = assessmentId;
		this.whatHappened = whatHappened;
		this.mitigationsDelivered = mitigationsDelivered;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	@Override
	public UUID getId() {
		return id;
	}

	public UUID getAssessmentId() {
		return assessmentId;
	}

	public String getWhatHappened() {
		return whatHappened;
	}

	public String getMitigationsDelivered() {
		return mitigationsDelivered;
	}

	public String getRecordedBy() {
		return recordedBy;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

}
