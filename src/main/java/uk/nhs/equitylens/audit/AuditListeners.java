package uk.nhs.equitylens.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import uk.nhs.equitylens.assessment.AssessmentEvaluated;
import uk.nhs.equitylens.assessment.DryRunEvaluated;
import uk.nhs.equitylens.lens.ActiveRulebase;
import uk.nhs.equitylens.review.AssessmentDecided;

/**
 * Writes the audit log by listening to what the assessment and review features say has happened,
 * in their transaction: an evaluation or decision is stored with its audit entry, or not at all.
 * The rulebase that served an evaluation is archived for replay.
 */
@Component
class AuditListeners {

	private final AuditLog log;

	private final RulebaseArchive archive;

	private final ActiveRulebase active;

	private final JsonMapper json;

	AuditListeners(AuditLog log, RulebaseArchive archive, ActiveRulebase active, JsonMapper json) {
		this.log = log;
		this.archive = archive;
		this.active = active;
		this.json = json;
	}

	@EventListener
	void evaluated(AssessmentEvaluated event) {
		if (active.rulebase().version().equals(event.rulebaseVersion())) {
			archive.archive(active.rulebase());
		}
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("evaluationId", event.evaluationId());
		content.put("sequence", event.sequence());
		content.put("reason", event.reason());
		content.put("board", event.board());
		content.put("formVersion", event.formVersion());
		content.put("rulebaseVersion", event.rulebaseVersion());
		content.put("document", json.readTree(event.document()));
		content.put("firedRules", json.readTree(event.firedRules()));
		content.put("result", json.readTree(event.result()));
		log.append("EVALUATION", event.actor(), event.assessmentId(), event.rulebaseVersion(), content);
	}

	/** Dry runs are audited only when configured; they have no transaction of their own, so this opens one. */
	@EventListener
	@org.springframework.transaction.annotation.Transactional
	public void dryRun(DryRunEvaluated event) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("formVersion", event.formVersion());
		content.put("rulebaseVersion", event.rulebaseVersion());
		content.put("document", json.readTree(event.document()));
		content.put("firedRules", json.readTree(event.firedRules()));
		content.put("result", json.readTree(event.result()));
		log.append("DRY_RUN", event.actor(), null, event.rulebaseVersion(), content);
	}

	@EventListener
	void decided(AssessmentDecided event) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("decisionId", event.decisionId());
		content.put("decision", event.decision());
		content.put("board", event.board());
		content.put("evaluationId", event.evaluationId());
		content.put("reason", event.reason());
		content.put("conditions", event.conditions());
		content.put("overridden", event.overridden());
		content.put("overrideJustification", event.overrideJustification());
		log.append("DECISION", event.decidedBy(), event.assessmentId(), null, content);
	}

}
