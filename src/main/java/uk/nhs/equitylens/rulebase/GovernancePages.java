package uk.nhs.equitylens.rulebase;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import uk.nhs.equitylens.audit.Governance;
import uk.nhs.equitylens.lens.ActiveRulebase;
import uk.nhs.equitylens.people.CurrentUser;
import uk.nhs.equitylens.people.Role;
import uk.nhs.equitylens.review.ReviewService;
import uk.nhs.equitylens.system.WebPage;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * Governance pages: verify the audit chain, rule outcomes and where ambassadors and the lens
 * disagree per board and per rule, the overrides flagged by boards, check candidate
 * rulebases, run what-ifs and follow them, replay an evaluation beside its stored result; and, for
 * administrators, activate a checked candidate.
 */
@Controller
class GovernancePages implements WebPage {

	private final Governance governance;

	private final Candidates candidates;

	private final WhatIf whatIf;

	private final ReviewService reviews;

	private final ActiveRulebase active;

	private final Vocabulary vocabulary;

	private final JdbcTemplate jdbc;

	private final Dashboard dashboard;

	GovernancePages(Governance governance, Candidates candidates, WhatIf whatIf, ReviewService reviews,
			ActiveRulebase active, Vocabulary vocabulary, JdbcTemplate jdbc, Dashboard dashboard) {
		this.dashboard = dashboard;
		this.governance = governance;
		this.candidates = candidates;
		this.whatIf = whatIf;
		this.reviews = reviews;
		this.active = active;
		this.vocabulary = vocabulary;
		this.jdbc = jdbc;
	}

	@GetMapping("/governance")
	String home(Model model) {
		return page(model, null, null, List.of());
	}

	@PostMapping("/governance/audit/verify")
	String verify(Model model) {
		return page(model, governance.verify(), null, List.of());
	}

	@PostMapping("/governance/candidates")
	String candidate(@RequestParam(defaultValue = "") String folder, @RequestParam(required = false) MultipartFile zip,
			Model model) throws IOException {
		try {
			Candidates.Candidate candidate = zip != null && !zip.isEmpty() ? candidates.fromZip(zip.getBytes())
					: candidates.fromFolder(folder);
			return page(model, null, candidate, List.of());
		}
		catch (CandidateRejected ex) {
			return page(model, null, null, ex.problems());
		}
	}

	@PostMapping("/governance/candidates/activate")
	String activate(@RequestParam String version, Model model) {
		try {
			candidates.activate(version);
			return "redirect:/governance";
		}
		catch (CandidateRejected ex) {
			return page(model, null, null, ex.problems());
		}
	}

	@PostMapping("/governance/whatif")
	String startWhatIf(@RequestParam String candidate, @RequestParam(defaultValue = "") String board,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Model model) {
		try {
			UUID id = whatIf.start(candidate, board, date(from), date(to));
			return "redirect:/governance/whatif/" + id;
		}
		catch (CandidateRejected ex) {
			return page(model, null, null, ex.problems());
		}
		catch (DateTimeParseException ex) {
			return page(model, null, null, List.of("Enter dates as 2026-11-23"));
		}
	}

	@GetMapping("/governance/whatif/{id:[0-9a-fA-F-]{36}}")
	String run(@PathVariable UUID id, Model model, jakarta.servlet.http.HttpServletResponse response) {
		WhatIf.Run run = whatIf.get(id);
		if (run.isRunning()) {
			// the page reloads itself every two seconds while the run goes on: polling with no script
			response.setHeader("Refresh", "2");
		}
		model.addAttribute("run", run);
		model.addAttribute("boards", vocabulary.boards());
		return "governance/whatif";
	}

	@PostMapping("/governance/whatif/{id:[0-9a-fA-F-]{36}}/cancel")
	String cancel(@PathVariable UUID id) {
		whatIf.cancel(id);
		return "redirect:/governance/whatif/" + id;
	}

	@GetMapping("/governance/replay/{id:[0-9a-fA-F-]{36}}/{evaluationId:[0-9a-fA-F-]{36}}")
	String replay(@PathVariable UUID id, @PathVariable UUID evaluationId, Model model) {
		model.addAttribute("replay", governance.replay(id, evaluationId));
		return "governance/replay";
	}

	private String page(Model model, Object verification, Candidates.Candidate candidate, List<String> problems) {
		boolean isGovernance = CurrentUser.require("Governance pages are for governance and administrators.",
				Role.GOVERNANCE, Role.ADMIN).has(Role.GOVERNANCE);
		model.addAttribute("verification", verification);
		model.addAttribute("candidate", candidate);
		model.addAttribute("problems", problems);
		model.addAttribute("activeVersion", active.rulebase().version());
		model.addAttribute("archived", jdbc.queryForList(
				"select version from rulebase_archive order by archived_at desc", String.class));
		model.addAttribute("overrides", isGovernance ? reviews.overrides() : List.of());
		model.addAttribute("runs", isGovernance ? whatIf.recent() : List.of());
		model.addAttribute("dashboard", isGovernance ? dashboard.outcomes() : java.util.Map.of());
		model.addAttribute("disagreements", isGovernance ? dashboard.disagreements() : null);
		model.addAttribute("boards", vocabulary.boards());
		model.addAttribute("isGovernance", isGovernance);
		model.addAttribute("isAdmin", CurrentUser.get().has(Role.ADMIN));
		return "governance/home";
	}

	private static LocalDate date(String text) {
		return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
	}

}
