package uk.nhs.equitylens.audit;

import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Governance over the API: the audit chain, an assessment's audit trail, replay. */
@RestController
class AuditApiController {

	private static final String ID = "/api/assessments/{id:[0-9a-fA-F-]{36}}";

	private final Governance governance;

	AuditApiController(Governance governance) {
		this.governance = governance;
	}

	@GetMapping(path = "/api/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
	AuditLog.Verification verify() {
		return governance.verify();
	}

	@GetMapping(path = ID + "/audit", produces = MediaType.APPLICATION_JSON_VALUE)
	List<AuditLog.Entry> trail(@PathVariable UUID id) {
		return governance.trail(id);
	}

	@GetMapping(path = ID + "/evaluations/{evaluationId:[0-9a-fA-F-]{36}}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
	Governance.Replay replay(@PathVariable UUID id, @PathVariable UUID evaluationId) {
		return governance.replay(id, evaluationId);
	}

}
