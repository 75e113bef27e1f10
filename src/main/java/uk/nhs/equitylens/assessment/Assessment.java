package uk.nhs.equitylens.assessment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * An assessment of one proposal for one programme board: the answers so far (the proposal document
 * as JSON, partial while a draft), the form version they were given under, and a guarded state.
 * Answers change only while a draft; a submitted assessment changes only its mitigations, which
 * re-evaluates it.
 */
@Entity
public class Assessment {

	@Id
	private UUID id;

	private String board;

	private String title;

	@Enumerated(EnumType.STRING)
	private AssessmentStatus status;

	private String formVersion;

	@Column(columnDefinition = "text")
	private String answers;

	@Version
	private long version;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant submittedAt;

	protected Assessment() {
	}

	Assessment(UUID id, String board, String title, String formVersion, String answers, Instant now) {
		this.id = id;
		this.board = board;
		this.title = title;
		this.status = AssessmentStatus.DRAFT;
		this.formVersion = formVersion;
		this.answers = answers;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Replaces the draft's answers. */
	void saveAnswers(String board, String title, String answers, Instant now) {
		if (status != AssessmentStatus.DRAFT) {
			throw new IllegalTransitionException("Assessment " + id + " is " + status
					+ "; only a draft's answers can change (its mitigations still can).");
		}
		this.board = board;
		this.title = title;
		this.answers = answers;
		this.updatedAt = now;
	}

	/** DRAFT to SUBMITTED, once the answers are valid and the rules have assessed them. */
	void submit(String answers, Instant now) {
		if (status != AssessmentStatus.DRAFT) {
			throw new IllegalTransitionException("Assessment " + id + " is already " + status + ".");
		}
		this.answers = answers;
		this.status = AssessmentStatus.SUBMITTED;
		this.submittedAt = now;
		this.updatedAt = now;
	}

	/** New mitigation responses on a submitted assessment (the answers with new mitigations). */
	void reviseMitigations(String answers, Instant now) {
		if (status != AssessmentStatus.SUBMITTED) {
			throw new IllegalTransitionException("Assessment " + id + " is " + status
					+ "; mitigations are revised after submission, a draft just saves them.");
		}
		this.answers = answers;
		this.updatedAt = now;
	}

	public UUID getId() {
		return id;
	}

	public String getBoard() {
		return board;
	}

	public String getTitle() {
		return title;
	}

	public AssessmentStatus getStatus() {
		return status;
	}

	public String getFormVersion() {
		return formVersion;
	}

	public String getAnswers() {
		return answers;
	}

	public long getVersion() {
		return version;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	public boolean isDraft() {
		return status == AssessmentStatus.DRAFT;
	}

}
