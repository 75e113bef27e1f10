package uk.nhs.equitylens.lens;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.equitylens.lens.policy.PolicyTable;

/**
 * The active rulebase as governance reads it: version, every rule with its metadata and place, and
 * the policy tables in force, row by row, as the files have them.
 */
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
				rulebase.rules(), rulebase.policy().tables());
	}

	record RulebaseView(String version, List<String> files, List<RuleInfo> rules, List<PolicyTable> tables) {
	}

}

/** "How the lens scores": the scoring model in words and the policy tables in force, rendered from the active rulebase. */
@Controller
class HowTheLensScoresPage {

	private final ActiveRulebase active;

	HowTheLensScoresPage(ActiveRulebase active) {
		this.active = active;
	}

	@GetMapping("/lens/how-it-scores")
	String howItScores(Model model) {
		Rulebase rulebase = active.rulebase();
		model.addAttribute("version", rulebase.version());
		model.addAttribute("tables", rulebase.policy().tables());
		model.addAttribute("parameters", rulebase.policy().parameters());
		model.addAttribute("rules", rulebase.rules());
		return "lens/how-it-scores";
	}

}
