package uk.nhs.equitylens.lens;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The active rulebase as governance reads it: version, and every rule with its metadata and place. */
@RestController
class RulebaseController {

	private final Rulebase rulebase;

	RulebaseController(Rulebase rulebase) {
		this.rulebase = rulebase;
	}

	@GetMapping(path = "/api/rulebase", produces = MediaType.APPLICATION_JSON_VALUE)
	RulebaseView rulebase() {
		return new RulebaseView(rulebase.version(), rulebase.files().stream().map(RuleFile::path).toList(),
				rulebase.rules());
	}

	record RulebaseView(String version, List<String> files, List<RuleInfo> rules) {
	}

}
