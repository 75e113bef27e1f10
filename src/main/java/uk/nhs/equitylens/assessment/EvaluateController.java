package uk.nhs.equitylens.assessment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;
import uk.nhs.equitylens.people.CurrentUser;
import uk.nhs.equitylens.proposal.ProposalDocument;

/**
 * A dry run of the lens: proposal document in, assessment result out (with the cumulative pressure
 * of the assessments stored now), nothing stored (the audit log
 * keeps it only when {@code equitylens.audit.dry-runs} is true). Invalid
 * documents are answered with 400 problem+json naming every field at fault (see
 * {@code ApiExceptionHandler}).
 */
@RestController
class EvaluateController {

	private final AssessmentService assessments;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final boolean auditDryRuns;

	EvaluateController(AssessmentService assessments, ApplicationEventPublisher events, JsonMapper json,
			@Value("${equitylens.audit.dry-runs:false}") boolean auditDryRuns) {
		this.assessments = assessments;
		this.events = events;
		this.json = json;
		this.auditDryRuns = auditDryRuns;
	}

	@PostMapping(path = "/api/assessments/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	AssessmentResult evaluate(@RequestBody ProposalDocument document) {
		Evaluation evaluation = assessments.dryRun(document);
		if (auditDryRuns) {
			events.publishEvent(new DryRunEvaluated(CurrentUser.get().username(), evaluation.result().rulebaseVersion(),
					evaluation.result().formVersion(), json.writeValueAsString(document),
					json.writeValueAsString(evaluation.firings()), json.writeValueAsString(evaluation.result())));
		}
		return evaluation.result();
	}

}
