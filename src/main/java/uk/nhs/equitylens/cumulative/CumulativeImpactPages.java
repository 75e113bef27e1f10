package uk.nhs.equitylens.cumulative;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhs.equitylens.form.FormError;
import uk.nhs.equitylens.system.WebPage;

/**
 * The cumulative impact page for governance and boards: a small form to choose the period and the
 * board, then the approved and pending proposals with a negative impact, per cohort and per district
 * (with its LSOAs), each linked to its review; rows with three proposals or more are tagged.
 */
@Controller
class CumulativeImpactPages implements WebPage {

	private static final String SECTION = "cumulative";

	private final CumulativeImpactService service;

	CumulativeImpactPages(CumulativeImpactService service) {
		this.service = service;
	}

	@GetMapping("/cumulative")
	String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String board, Model model) {
		model.addAttribute("boards", service.boardsInView());
		List<FormError> errors = new ArrayList<>();
		LocalDate start = date(from, "from", "Enter the first day of the period as a real date, like 2025-04-01",
				errors);
		LocalDate end = date(to, "to", "Enter the last day of the period as a real date, like 2026-03-31", errors);
		CumulativeImpactReport report = null;
		if (errors.isEmpty()) {
			try {
				report = service.report(start, end, board);
			}
			catch (InvalidReportRequestException ex) {
				ex.violations().forEach(v -> errors.add(new FormError(SECTION, v.field(), v.field(), message(v.field(),
						v.message()))));
			}
		}
		model.addAttribute("report", report);
		model.addAttribute("errors", errors);
		model.addAttribute("from", report != null ? report.from().toString() : blankToEmpty(from));
		model.addAttribute("to", report != null ? report.to().toString() : blankToEmpty(to));
		model.addAttribute("board", report != null ? report.board() : blankToEmpty(board));
		model.addAttribute("highlightAt", CumulativeImpactService.HIGHLIGHT_AT);
		return "cumulative/report";
	}

	private static LocalDate date(String text, String field, String message, List<FormError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new FormError(SECTION, field, field, message));
			return null;
		}
	}

	private static String message(String field, String message) {
		return switch (field) {
			case "from", "to" -> "The first day of the period must be on or before its last day";
			case "board" -> "Select a programme board from the list";
			default -> message;
		};
	}

	private static String blankToEmpty(String text) {
		return text == null ? "" : text.strip();
	}

}
