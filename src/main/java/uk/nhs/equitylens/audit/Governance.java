package uk.nhs.equitylens.audit;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonIgnore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.nhs.equitylens.assessment.AssessmentNotFoundException;
import uk.nhs.equitylens.assessment.AssessmentResult;
import uk.nhs.equitylens.assessment.AssessmentService;
import uk.nhs.equitylens.assessment.Assessor;
import uk.nhs.equitylens.assessment.StoredEvaluation;
import uk.nhs.equitylens.lens.LensEngine;
import uk.nhs.equitylens.lens.Rulebase;
import uk.nhs.equitylens.people.CurrentUser;
import uk.nhs.equitylens.people.Role;
import uk.nhs.equitylens.proposal.ProposalDocument;
import uk.nhs.equitylens.proposal.ProposalReader;

/** What governance teams do: verify the audit chain, read an assessment's audit trail, replay evaluations. */
@Service
@Transactional(readOnly = true)
public class Governance {

	private final AuditLog log;

	private final RulebaseArchive archive;

	private final AssessmentService assessments;

	private final Assessor assessor;

	private final ProposalReader reader;

	private final JsonMapper json;

	Governance(AuditLog log, RulebaseArchive archive, AssessmentService assessments, Assessor assessor, JsonMapper json) {
		this.log = log;
		this.archive = archive;
		this.assessments = assessments;
		this.assessor = assessor;
		this.reader = new ProposalReader(json);
		this.json = json;
	}

	public AuditLog.Verification verify() {
		requireGovernance();
		return log.verify();
	}

	public List<AuditLog.Entry> trail(UUID assessmentId) {
		requireGovernance();
		assessments.get(assessmentId);
		return log.entries(assessmentId);
	}

	/**
	 * Evaluates the stored document again under exactly the rulebase that evaluated it (rebuilt from
	 * the archive) and the cumulative context stored with it, and compares the result with the stored
	 * one. An evaluation made before lens v2, whose archived rulebase cannot be rebuilt, is shown as
	 * stored and claims nothing: {@code identical} is null and {@code replayable} false.
	 */
	public Replay replay(UUID assessmentId, UUID evaluationId) {
		requireGovernance();
		StoredEvaluation stored = assessments.evaluations(assessmentId).stream()
			.filter(e -> e.getId().equals(evaluationId))
			.findFirst()
			.orElseThrow(() -> new AssessmentNotFoundException(evaluationId));
		JsonNode storedResult = json.readTree(stored.getResult());
		Rulebase rulebase;
		try {
			rulebase = archive.load(stored.getRulebaseVersion())
				.orElseThrow(() -> new IllegalStateException("Rulebase " + stored.getRulebaseVersion() + " is not archived"));
		}
		catch (UnreplayableRulebaseException ex) {
			return new Replay(assessmentId, evaluationId, stored.getSequence(), stored.getRulebaseVersion(), storedResult,
					null, null, false, EARLIER_ENGINE);
		}
		ProposalDocument document = reader.read(json.readTree(stored.getDocument()));
		AssessmentResult replayed = assessor
			.evaluate(document, stored.getFormVersion(), new LensEngine(rulebase), assessments.cumulative(stored))
			.result();
		boolean identical = assessments.result(stored).equals(replayed);
		return new Replay(assessmentId, evaluationId, stored.getSequence(), stored.getRulebaseVersion(), storedResult,
				replayed, identical, true, identical ? "The replay gives exactly the stored result."
						: "The replay differs from the stored result.");
	}

	static final String EARLIER_ENGINE = "Made under an earlier engine (before lens v2): shown as stored; it cannot be replayed.";

	private static void requireGovernance() {
		CurrentUser.require("Audit and replay are for governance.", Role.GOVERNANCE);
	}

	/**
	 * A stored evaluation beside its replay.
	 *
	 * @param stored the result exactly as stored
	 * @param replayed the result of the replay; null when it cannot be replayed
	 * @param identical whether the replay gives exactly the stored result; null when not replayed
	 * @param replayable false for an evaluation made under an earlier engine (before lens v2)
	 * @param message what the comparison shows, in a sentence
	 */
	public record Replay(UUID assessmentId, UUID evaluationId, int sequence, String rulebaseVersion, JsonNode stored,
			AssessmentResult replayed, Boolean identical, boolean replayable, String message) {

		/** The stored result's outcome, read from the JSON as stored (an earlier engine's shape included). */
		@JsonIgnore
		public Outcome storedOutcome() {
			return Outcome.of(stored);
		}

		@JsonIgnore
		public Outcome replayedOutcome() {
			return replayed == null ? null
					: new Outcome(replayed.rating(), replayed.score(), replayed.residualRating(), replayed.residualScore(),
							replayed.findings().stream().map(AssessmentResult.FindingView::ruleId).toList(),
							replayed.requiredMitigations().stream().map(AssessmentResult.RequiredMitigationView::code).toList(),
							replayed.firedRules());
		}

	}

	/** What the replay page compares: ratings, scores, findings, required mitigations and rules fired. */
	public record Outcome(String rating, Integer score, String residualRating, Integer residualScore,
			List<String> findings, List<String> mitigations, List<String> firedRules) {

		static Outcome of(JsonNode result) {
			return new Outcome(text(result.path("rating")), number(result.path("score")),
					text(result.path("residualRating")), number(result.path("residualScore")),
					result.path("findings").valueStream().map(f -> f.path("ruleId").asString("")).toList(),
					result.path("requiredMitigations").valueStream().map(m -> m.path("code").asString("")).toList(),
					result.path("firedRules").valueStream().map(r -> r.asString("")).toList());
		}

		private static String text(JsonNode node) {
			return node.isString() ? node.asString() : null;
		}

		private static Integer number(JsonNode node) {
			return node.isNumber() ? node.asInt() : null;
		}

	}

}
