package uk.nhs.equitylens.audit;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
	 * the archive) and compares the result with the stored one.
	 */
	public Replay replay(UUID assessmentId, UUID evaluationId) {
		requireGovernance();
		StoredEvaluation stored = assessments.evaluations(assessmentId).stream()
			.filter(e -> e.getId().equals(evaluationId))
			.findFirst()
			.orElseThrow(() -> new AssessmentNotFoundException(evaluationId));
		Rulebase rulebase = archive.load(stored.getRulebaseVersion())
			.orElseThrow(() -> new IllegalStateException("Rulebase " + stored.getRulebaseVersion() + " is not archived"));
		ProposalDocument document = reader.read(json.readTree(stored.getDocument()));
		AssessmentResult replayed = assessor.evaluate(document, stored.getFormVersion(), new LensEngine(rulebase)).result();
		AssessmentResult original = assessments.result(stored);
		return new Replay(assessmentId, evaluationId, stored.getSequence(), stored.getRulebaseVersion(), original,
				replayed, original.equals(replayed));
	}

	private static void requireGovernance() {
		CurrentUser.require("Audit and replay are for governance.", Role.GOVERNANCE);
	}

	/** A stored evaluation beside its replay. */
	public record Replay(UUID assessmentId, UUID evaluationId, int sequence, String rulebaseVersion,
			AssessmentResult stored, AssessmentResult replayed, boolean identical) {
	}

}
