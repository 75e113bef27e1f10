package uk.nhs.equitylens.review;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhs.equitylens.assessment.Assessment;
import uk.nhs.equitylens.assessment.AssessmentService;
import uk.nhs.equitylens.assessment.StoredEvaluation;
import uk.nhs.equitylens.form.FormAnswers;
import uk.nhs.equitylens.form.FormDefinition;
import uk.nhs.equitylens.form.FormError;
import uk.nhs.equitylens.people.CurrentUser;
import uk.nhs.equitylens.proposal.InvalidProposalException;
import uk.nhs.equitylens.system.WebPage;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/** The board member's pages: the queue, the review of one assessment and its decision; comments and follow-up. */
@Controller
class ReviewPages implements WebPage {

	private static final String ID = "/assessments/{id:[0-9a-fA-F-]{36}}";

	private final ReviewService reviews;

	private final AssessmentService assessments;

	private final FormAnswers formAnswers;

	private final Vocabulary vocabulary;

	ReviewPages(ReviewService reviews, AssessmentService assessments, FormAnswers formAnswers, Vocabulary vocabulary) {
		this.reviews = reviews;
		this.assessments = assessments;
		this.formAnswers = formAnswers;
		this.vocabulary = vocabulary;
	}

	@GetMapping("/reviews")
	String queue(Model model) {
		model.addAttribute("queue", reviews.queue());
		model.addAttribute("boards", vocabulary.boards());
		return "review/queue";
	}

	@GetMapping(ID + "/review")
	String review(@PathVariable UUID id, Model model) {
		return reviewPage(model, id, Map.of(), List.of(), null);
	}

	@PostMapping(ID + "/decisions")
	String decide(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> posted, Model model) {
		Long version = null;
		try {
			version = Long.valueOf(value(posted, "version"));
		}
		catch (NumberFormatException ex) {
			version = null;
		}
		LocalDate reviewDue = null;
		List<FormError> errors = new ArrayList<>();
		if (!value(posted, "reviewDue.day").isEmpty() || !value(posted, "reviewDue.year").isEmpty()) {
			try {
				reviewDue = LocalDate.of(Integer.parseInt(value(posted, "reviewDue.year")),
						Integer.parseInt(value(posted, "reviewDue.month")), Integer.parseInt(value(posted, "reviewDue.day")));
			}
			catch (NumberFormatException | DateTimeException ex) {
				errors.add(new FormError("decision", "reviewDue", "reviewDue-day", "Enter a real review date, like 31 5 2027"));
			}
		}
		if (errors.isEmpty()) {
			try {
				reviews.decide(id, new ReviewService.DecisionRequest(blankToNull(value(posted, "decision")),
						value(posted, "reason"), value(posted, "conditions"), value(posted, "overrideJustification"),
						version, reviewDue));
				return "redirect:/assessments/" + id + "/review";
			}
			catch (InvalidProposalException ex) {
				ex.violations().forEach(v -> errors.add(new FormError("decision", v.field(), v.field(),
						message(v.field(), v.message()))));
			}
			catch (ObjectOptimisticLockingFailureException ex) {
				return reviewPage(model, id, posted.toSingleValueMap(), List.of(), "Someone else changed or decided this "
						+ "assessment while you were reviewing it, so your decision was not saved. Read it again below, then decide.");
			}
		}
		return reviewPage(model, id, posted.toSingleValueMap(), errors, null);
	}

	@PostMapping(ID + "/comments")
	String comment(@PathVariable UUID id, @RequestParam(defaultValue = "") String body, Model model) {
		try {
			reviews.comment(id, body);
		}
		catch (InvalidProposalException ex) {
			return reviewPage(model, id, Map.of(), List.of(new FormError("comment", "body", "body",
					"Write a comment of up to 5,000 characters")), null);
		}
		return "redirect:/assessments/" + id + "/review#comments";
	}

	@PostMapping(ID + "/follow-up")
	String followUp(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> posted, Model model) {
		Map<String, Boolean> delivered = new LinkedHashMap<>();
		posted.forEach((name, values) -> {
			if (name.startsWith("delivered.") && !values.isEmpty()) {
				delivered.put(name.substring("delivered.".length()), Boolean.parseBoolean(values.get(0)));
			}
		});
		try {
			reviews.recordFollowUp(id, value(posted, "whatHappened"), delivered);
		}
		catch (InvalidProposalException ex) {
			return reviewPage(model, id, Map.of(), List.of(new FormError("follow-up", "whatHappened", "whatHappened",
					"Say what happened to uptake and outcomes for the cohorts affected")), null);
		}
		return "redirect:/assessments/" + id + "/review#follow-up";
	}

	@PostMapping(ID + "/follow-up/close")
	String closeFollowUp(@PathVariable UUID id) {
		reviews.closeFollowUp(id);
		return "redirect:/assessments/" + id + "/review#follow-up";
	}

	private String reviewPage(Model model, UUID id, Map<String, String> posted, List<FormError> errors, String conflict) {
		Assessment assessment = assessments.get(id);
		List<StoredEvaluation> evaluations = assessments.evaluations(id);
		FormDefinition form = assessments.formOf(assessment);
		var answers = assessments.answers(assessment);
		List<Map.Entry<String, List<String>>> summary = new ArrayList<>();
		form.questions().filter(q -> formAnswers.applies(q, answers)).forEach(q -> {
			List<String> lines = formAnswers.summary(q, answers);
			if (!lines.isEmpty()) {
				summary.add(Map.entry(q.label(), lines));
			}
		});
		model.addAttribute("assessment", assessment);
		model.addAttribute("boardLabel", vocabulary.boardLabel(assessment.getBoard()));
		model.addAttribute("summary", summary);
		model.addAttribute("evaluations", evaluations);
		model.addAttribute("result", evaluations.isEmpty() ? null : assessments.result(evaluations.get(0)));
		model.addAttribute("ratings", vocabulary.ratings());
		model.addAttribute("answers", answers);
		model.addAttribute("decisions", reviews.decisions(id));
		model.addAttribute("comments", reviews.comments(id));
		model.addAttribute("followUps", reviews.followUps(id));
		model.addAttribute("againstTheLens", evaluations.isEmpty() ? List.of()
				: reviews.againstTheLens(assessment, evaluations.get(0)));
		model.addAttribute("mayDecide", CurrentUser.get().mayDecide(assessment.getBoard())
				&& assessment.getStatus().name().equals("SUBMITTED"));
		model.addAttribute("mayClose", CurrentUser.get().mayDecide(assessment.getBoard())
				&& assessment.getStatus().isApproval() && assessment.getReviewClosedAt() == null
				&& !reviews.followUps(id).isEmpty());
		String me = CurrentUser.get().username();
		model.addAttribute("mayComment", CurrentUser.get().mayDecide(assessment.getBoard()) || me.equals(assessment.getCreatedBy()));
		model.addAttribute("mayFollowUp", CurrentUser.get().mayEdit(assessment.getBoard(), assessment.getCreatedBy())
				&& assessment.getStatus().isApproval() && assessment.getReviewClosedAt() == null);
		model.addAttribute("committed", answers.path("mitigations").valueStream()
			.filter(m -> !m.path("status").asString("").equals("PROPOSED"))
			.map(m -> m.path("code").asString(""))
			.toList());
		model.addAttribute("posted", posted);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		return "review/review";
	}

	private static String message(String field, String message) {
		return switch (field) {
			case "decision" -> "Select a decision";
			case "reason" -> "Give the reason for the decision";
			case "conditions" -> "State the conditions of the approval";
			case "overrideJustification" -> "Justify approving against the lens: " + message.replaceFirst("^approving needs an override justification because ", "");
			default -> message;
		};
	}

	private static String value(MultiValueMap<String, String> posted, String name) {
		String value = posted.getFirst(name);
		return value == null ? "" : value.strip();
	}

	private static String blankToNull(String text) {
		return text.isEmpty() ? null : text;
	}

}
