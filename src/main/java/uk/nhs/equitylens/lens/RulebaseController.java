package uk.nhs.equitylens.lens;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The active rulebase as governance reads it: version, and every rule with its metadata and place. */
@RestController
class RulebaseController {

	private final ActiveRulebase active;

	RulebaseController(ActiveRulebase active) {
		this.active = active;
	}

	@GetMapping(path = "/api/rulebase", produces = MediaType.APPLICATION_JSON_VALUE)
	RulebaseView rulebase() {
		Rulebase rulebase = active.rulebase();
		return new RulebaseView(rulebase.version(), rulebase.files().stream().map(RuleFile::path).toList(),
				rulebase.rules());
	}

	record RulebaseView(String version, List<String> files, List<RuleInfo> rules) {
	}

}
