package uk.nhs.equitylens.assessment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import uk.nhs.equitylens.system.AssignedIdEntity;

/**
 * An assessment of one proposal for one programme board: the answers so far (the proposal document
 * as JSON, partial while a draft), the form version they were given under, and a guarded state.
 * Answers change only while a draft; a submitted assessment changes only its mitigations, which
 * re-evaluates it.
 */
@Entity
public class Assessment extends AssignedIdEntity {

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

	private String createdBy;

	private java.time.LocalDate reviewDue;

	private Instant reviewClosedAt;

	protected Assessment() {
	}

	Assessment(UUID id, String board, String title, String formVersion, String answers, String createdBy, Instant now) {
		this.id = id;
		this.createdBy = createdBy;
		this.board = board;
		this.title = title;
		this.status = AssessmentStatus.DRAFT;
		this.formVersion = formVersion;
		this.answers = answers;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Replaces the draft's answers (a draft, or one sent back with changes requested). */
	void saveAnswers(String board, String title, String answers, Instant now) {
		if (!isEditable()) {
			throw new IllegalTransitionException("Assessment " + id + " is " + status
					+ "; only a draft's answers can change (its mitigations still can).");
		}
		this.board = board;
		this.title = title;
		this.answers = answers;
		this.updatedAt = now;
	}

	/**
	 * A draft is answered under the current form: one started under an older version takes the new
	 * one (its answers stay as they are). A submitted assessment keeps its version.
	 */
	void answerUnder(String currentFormVersion) {
		if (!isEditable()) {
			throw new IllegalTransitionException("Assessment " + id + " is " + status
					+ "; it keeps the form version " + formVersion + " it was answered under.");
		}
		this.formVersion = currentFormVersion;
	}

	/** DRAFT (or CHANGES_REQUESTED) to SUBMITTED, once the answers are valid and the rules have assessed them. */
	void submit(String answers, Instant now) {
		if (!isEditable()) {
			throw new IllegalTransitionException("Assessment " + id + " is already " + status + ".");
		}
		this.answers = answers;
		this.status = AssessmentStatus.SUBMITTED;
		this.submittedAt = now;
		this.updatedAt = now;
	}

	/** New mitigation responses on a submitted or decided assessment (the answers with new mitigations). */
	void reviseMitigations(String answers, Instant now) {
		if (isEditable()) {
			throw new IllegalTransitionException("Assessment " + id + " is " + status
					+ "; mitigations are revised after submission, a draft just saves them.");
		}
		this.answers = answers;
		this.updatedAt = now;
	}

	@Override
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

	/**
	 * The board's decision: only a SUBMITTED assessment can be decided. CHANGES_REQUESTED sends it
	 * back to the ambassador; an approval sets the date of its follow-up review.
	 */
	void decide(AssessmentStatus decision, java.time.LocalDate reviewDue, Instant now) {
		if (status != AssessmentStatus.SUBMITTED) {
			throw new IllegalTransitionException("Assessment " + id + " is " + status
					+ "; only a submitted assessment can be decided.");
		}
		if (!decision.isDecision()) {
			throw new IllegalTransitionException(decision + " is not a board decision.");
		}
		this.status = decision;
		this.reviewDue = decision.isApproval() ? reviewDue : null;
		this.updatedAt = now;
	}

	/** The board closes the follow-up review of an approved assessment. */
	void closeReview(Instant now) {
		if (!status.isApproval()) {
			throw new IllegalTransitionException("Only an approved assessment has a follow-up review to close.");
		}
		if (reviewClosedAt != null) {
			throw new IllegalTransitionException("The follow-up review is already closed.");
		}
		this.reviewClosedAt = now;
		this.updatedAt = now;
	}

	public boolean isDraft() {
		return status == AssessmentStatus.DRAFT;
	}

	/** The ambassador may change the answers: a draft, or sent back with changes requested. */
	public boolean isEditable() {
		return status == AssessmentStatus.DRAFT || status == AssessmentStatus.CHANGES_REQUESTED;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public java.time.LocalDate getReviewDue() {
		return reviewDue;
	}

	public Instant getReviewClosedAt() {
		return reviewClosedAt;
	}

}
