package uk.nhs.equitylens.rulebase;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where ambassadors and the lens disagree, for governance. Its own endpoint rather than a key in
 * {@code GET /api/dashboard}, whose body is a map keyed by board code: a {@code disagreements} key
 * there would read as a board.
 */
@RestController
class DisagreementsApiController {

	private final Dashboard dashboard;

	DisagreementsApiController(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	/** Per board and per rule: assessments the ambassador rated lower than the lens, the same, higher. */
	@GetMapping(path = "/api/governance/disagreements", produces = MediaType.APPLICATION_JSON_VALUE)
	Dashboard.Disagreements disagreements() {
		return dashboard.disagreements();
	}

}
