package uk.nhs.equitylens.assessment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.nhs.equitylens.system.AssignedIdEntity;

/**
 * One evaluation of an assessment, kept for good: the proposal document exactly as evaluated, the
 * form and rulebase versions, the cumulative context, every rule firing with the facts it matched,
 * and the result. A new evaluation never replaces an old one.
 */
@Entity
@Table(name = "evaluation")
public class StoredEvaluation extends AssignedIdEntity {

	/** Why the assessment was evaluated. */
	public enum Reason {

		/** Submitted by the ambassador. */
		SUBMITTED,
		/** The ambassador's responses to the required mitigations changed. */
		MITIGATIONS

	}

	@Id
	private UUID id;

	private UUID assessmentId;

	private int sequence;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Reason reason;

	@Column(columnDefinition = "text")
	private String document;

	private String formVersion;

	private String rulebaseVersion;

	private String rating;

	private String residualRating;

	private int score;

	private int residualScore;

	@Column(columnDefinition = "text")
	private String firedRules;

	@Column(columnDefinition = "text")
	private String result;

	/** JSON: the cumulative context the evaluation was made with; null before it was counted. */
	@Column(columnDefinition = "text")
	private String cumulative;

	private Instant evaluatedAt;

	protected StoredEvaluation() {
	}

	StoredEvaluation(UUID id, UUID assessmentId, int sequence, Reason reason, String document, String formVersion,
			AssessmentResult result, String resultJson, String firedRules, String cumulative, Instant evaluatedAt) {
		this.id = id;
		this.assessmentId = assessmentId;
		this.sequence = sequence;
		this.reason = reason;
		this.document = document;
		this.formVersion = formVersion;
		this.rulebaseVersion = result.rulebaseVersion();
		this.rating = result.rating();
		this.residualRating = result.residualRating();
		this.score = result.score();
		this.residualScore = result.residualScore();
		this.firedRules = firedRules;
		this.result = resultJson;
		this.cumulative = cumulative;
		this.evaluatedAt = evaluatedAt;
	}

	@Override
	public UUID getId() {
		return id;
	}

	public UUID getAssessmentId() {
		return assessmentId;
	}

	public int getSequence() {
		return sequence;
	}

	public Reason getReason() {
		return reason;
	}

	public String getDocument() {
		return document;
	}

	public String getFormVersion() {
		return formVersion;
	}

	public String getRulebaseVersion() {
		return rulebaseVersion;
	}

	public String getRating() {
		return rating;
	}

	public String getResidualRating() {
		return residualRating;
	}

	public int getScore() {
		return score;
	}

	public int getResidualScore() {
		return residualScore;
	}

	public String getFiredRules() {
		return firedRules;
	}

	public String getResult() {
		return result;
	}

	/** The cumulative context as stored (JSON), or null for an evaluation made before it was counted. */
	public String getCumulative() {
		return cumulative;
	}

	public Instant getEvaluatedAt() {
		return evaluatedAt;
	}

}
