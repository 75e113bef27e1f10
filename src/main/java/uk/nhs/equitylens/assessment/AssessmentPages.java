package uk.nhs.equitylens.assessment;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.form.FormAnswers;
import uk.nhs.equitylens.form.FormDefinition;
import uk.nhs.equitylens.form.FormDefinition.Section;
import uk.nhs.equitylens.form.FormError;
import uk.nhs.equitylens.form.SectionView;
import uk.nhs.equitylens.people.CurrentUser;
import uk.nhs.equitylens.proposal.InvalidProposalException;
import uk.nhs.equitylens.proposal.ProposalDocument.MitigationAnswer;
import uk.nhs.equitylens.proposal.Violation;
import uk.nhs.equitylens.system.WebPage;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * The ambassador's pages: the list of assessments, a task list, one page per form section (saved at
 * every page), check your answers, submit, and the result with the mitigation responses. Every
 * answer goes to the server at each page; the browser never holds the only copy.
 */
@Controller
class AssessmentPages implements WebPage {

	private static final String ID = "{id:[0-9a-fA-F-]{36}}";

	private final AssessmentService service;

	private final FormAnswers formAnswers;

	private final Vocabulary vocabulary;

	private final JsonMapper json;

	private final BoardDecisions decisions;

	AssessmentPages(AssessmentService service, FormAnswers formAnswers, Vocabulary vocabulary, JsonMapper json,
			BoardDecisions decisions) {
		this.service = service;
		this.decisions = decisions;
		this.formAnswers = formAnswers;
		this.vocabulary = vocabulary;
		this.json = json;
	}

	@GetMapping("/")
	String home(@RequestParam(defaultValue = "0") int page, Model model) {
		var user = CurrentUser.get();
		if (!user.has(uk.nhs.equitylens.people.Role.AMBASSADOR) && !user.has(uk.nhs.equitylens.people.Role.BOARD_MEMBER)
				&& !user.has(uk.nhs.equitylens.people.Role.GOVERNANCE)) {
			return "redirect:/admin/people";
		}
		var found = service.list(null, null,
				PageRequest.of(Math.max(0, page), 25, Sort.by(Sort.Direction.DESC, "updatedAt")));
		Map<UUID, LatestRating> ratings = service
			.latestRatings(found.getContent().stream().map(Assessment::getId).toList());
		List<Row> rows = new ArrayList<>();
		for (Assessment assessment : found.getContent()) {
			String link = user.mayEdit(assessment.getBoard(), assessment.getCreatedBy())
					? "/assessments/" + assessment.getId() : "/assessments/" + assessment.getId() + "/review";
			rows.add(new Row(assessment, vocabulary.boardLabel(assessment.getBoard()), ratings.get(assessment.getId()),
					link));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("page", found.getNumber());
		model.addAttribute("pages", found.getTotalPages());
		model.addAttribute("total", found.getTotalElements());
		return "assessments/list";
	}

	@GetMapping("/assessments/new")
	String start(Model model) {
		FormDefinition form = service.currentForm();
		return section(model, null, form, form.sections().get(0), json.createObjectNode(), Map.of(), List.of());
	}

	@PostMapping("/assessments/new")
	String create(@RequestParam MultiValueMap<String, String> posted, Model model) {
		FormDefinition form = service.currentForm();
		Section first = form.sections().get(0);
		ObjectNode answers = json.createObjectNode();
		List<FormError> errors = formAnswers.bind(form, first, posted, answers);
		Assessment assessment;
		try {
			assessment = service.create(answers);
		}
		catch (InvalidProposalException ex) {
			List<FormError> all = new ArrayList<>(errors);
			for (Violation v : ex.violations()) {
				if (all.stream().noneMatch(e -> e.field().equals(v.field()))) {
					all.add(formAnswers.locate(form, answers, v.field(), v.field() + " " + v.message()));
				}
			}
			return section(model, null, form, first, answers, posted, all);
		}
		if (!errors.isEmpty()) {
			return section(model, assessment, form, first, answers, posted, errors);
		}
		return next(assessment.getId(), form, first, posted.getFirst("action"));
	}

	@GetMapping("/assessments/" + ID)
	String tasks(@PathVariable UUID id, Model model) {
		Assessment assessment = service.get(id);
		if (!assessment.isEditable()) {
			return "redirect:/assessments/" + id + "/result";
		}
		FormDefinition form = service.formOf(assessment);
		ObjectNode answers = service.answers(assessment);
		List<FormError> problems = new ArrayList<>(formAnswers.check(form, answers));
		// a section with an answer still missing for submission (a protected characteristic) is not done
		service.missingForSubmission(answers)
			.forEach(v -> problems.add(formAnswers.locate(form, answers, v.field(), v.message())));
		List<Task> tasks = new ArrayList<>();
		List<Section> sections = form.sections();
		for (int i = 0; i < sections.size(); i++) {
			Section section = sections.get(i);
			boolean started = answered(section, answers);
			// a section of optional questions left blank is done once the ambassador has gone past it
			boolean passed = !started && section.questions().stream().noneMatch(q -> q.required())
					&& sections.subList(i + 1, sections.size()).stream().anyMatch(later -> answered(later, answers));
			boolean wrong = problems.stream().anyMatch(p -> p.section().equals(section.id()));
			tasks.add(new Task(section, !started && !passed ? "Not started" : wrong ? "In progress" : "Completed"));
		}
		model.addAttribute("assessment", assessment);
		model.addAttribute("boardLabel", vocabulary.boardLabel(assessment.getBoard()));
		model.addAttribute("tasks", tasks);
		model.addAttribute("decision", decisions.latest(id).orElse(null));
		model.addAttribute("completed", tasks.stream().filter(t -> t.status().equals("Completed")).count());
		return "assessments/tasks";
	}

	private boolean answered(Section section, ObjectNode answers) {
		return section.questions().stream().anyMatch(q -> !formAnswers.summary(q, answers).isEmpty());
	}

	@GetMapping("/assessments/" + ID + "/sections/{sectionId}")
	String showSection(@PathVariable UUID id, @PathVariable String sectionId, Model model) {
		Assessment assessment = service.get(id);
		if (!assessment.isEditable()) {
			return "redirect:/assessments/" + id + "/result";
		}
		FormDefinition form = service.formOf(assessment);
		Section section = form.section(sectionId).orElseThrow(() -> new PageNotFoundException("No such page"));
		return section(model, assessment, form, section, service.answers(assessment), Map.of(), List.of());
	}

	@PostMapping("/assessments/" + ID + "/sections/{sectionId}")
	String saveSection(@PathVariable UUID id, @PathVariable String sectionId,
			@RequestParam MultiValueMap<String, String> posted, Model model) {
		Assessment assessment = service.get(id);
		if (!assessment.isEditable()) {
			return "redirect:/assessments/" + id + "/result";
		}
		FormDefinition form = service.formOf(assessment);
		Section section = form.section(sectionId).orElseThrow(() -> new PageNotFoundException("No such page"));
		List<FormError> errors = service.saveSection(id, sectionId, posted);
		if (!errors.isEmpty()) {
			Assessment saved = service.get(id);
			return section(model, saved, form, section, service.answers(saved), posted, errors);
		}
		return next(id, form, section, posted.getFirst("action"));
	}

	@GetMapping("/assessments/" + ID + "/check")
	String check(@PathVariable UUID id, Model model) {
		Assessment assessment = service.get(id);
		if (!assessment.isEditable()) {
			return "redirect:/assessments/" + id + "/result";
		}
		return checkPage(model, assessment, List.of());
	}

	@PostMapping("/assessments/" + ID + "/submit")
	String submit(@PathVariable UUID id, Model model) {
		try {
			service.submit(id);
		}
		catch (InvalidProposalException ex) {
			Assessment assessment = service.get(id);
			FormDefinition form = service.formOf(assessment);
			ObjectNode answers = service.answers(assessment);
			List<FormError> errors = ex.violations().stream()
				.map(v -> formAnswers.locate(form, answers, v.field(), message(form, v)))
				.toList();
			return checkPage(model, assessment, errors);
		}
		return "redirect:/assessments/" + id + "/result";
	}

	@GetMapping("/assessments/" + ID + "/result")
	String result(@PathVariable UUID id, Model model) {
		Assessment assessment = service.get(id);
		if (assessment.isDraft()) {
			return "redirect:/assessments/" + id;
		}
		return resultPage(model, assessment, Map.of(), List.of());
	}

	@PostMapping("/assessments/" + ID + "/mitigations")
	String respond(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> posted, Model model) {
		Assessment assessment = service.get(id);
		List<StoredEvaluation> evaluations = service.evaluations(id);
		if (evaluations.isEmpty()) {
			return "redirect:/assessments/" + id;
		}
		AssessmentResult latest = service.result(evaluations.get(0));
		List<String> codes = new ArrayList<>(latest.requiredMitigations().stream()
			.map(AssessmentResult.RequiredMitigationView::code).toList());
		String added = posted.getFirst("add.code");
		if (added != null && !added.isBlank() && vocabulary.mitigations().containsKey(added) && !codes.contains(added)) {
			codes.add(added);
		}
		service.answers(assessment).path("mitigations").valueStream()
			.map(m -> m.path("code").asString(""))
			.filter(c -> !c.isBlank() && !codes.contains(c) && vocabulary.mitigations().containsKey(c))
			.forEach(codes::add);
		List<MitigationAnswer> taken = new ArrayList<>();
		Map<String, String> declined = new LinkedHashMap<>();
		List<FormError> errors = new ArrayList<>();
		for (String code : codes) {
			String response = value(posted, code + ".response");
			String label = vocabulary.mitigationLabel(code);
			switch (response) {
				case "COMMITTED", "DONE", "PROPOSED" -> {
					String owner = value(posted, code + ".owner");
					LocalDate due = date(posted, code + ".due");
					boolean takenOn = !response.equals("PROPOSED");
					String status = response.equals("DONE") ? "done" : "committed";
					if (takenOn && owner.isBlank()) {
						errors.add(new FormError("mitigations", code, code + "-owner",
								"Enter who owns this mitigation (it is " + status + "): " + label));
					}
					if (owner.length() > 200) {
						errors.add(new FormError("mitigations", code, code + "-owner", "The owner must be 200 characters or fewer"));
					}
					boolean dateTyped = !(value(posted, code + ".due.day") + value(posted, code + ".due.month")
							+ value(posted, code + ".due.year")).isEmpty();
					if (due == null && dateTyped) {
						errors.add(new FormError("mitigations", code, code + "-due-day",
								"The due date must be a real date, like 31 3 2027: " + label));
					}
					else if (takenOn && due == null) {
						errors.add(new FormError("mitigations", code, code + "-due-day",
								"Enter the date this mitigation is due (it is " + status + "): " + label));
					}
					taken.add(new MitigationAnswer(code, response, owner.isBlank() ? null : owner, due,
							blankToNull(value(posted, code + ".note"))));
				}
				case "DECLINED" -> {
					String reason = value(posted, code + ".reason");
					if (reason.isBlank()) {
						errors.add(new FormError("mitigations", code, code + "-reason", "Explain why not: " + label));
					}
					else if (reason.length() > 2000) {
						errors.add(new FormError("mitigations", code, code + "-reason", "The reason must be 2,000 characters or fewer"));
					}
					declined.put(code, reason);
				}
				default -> {
					// not answered yet: nothing recorded for this mitigation
				}
			}
		}
		if (!errors.isEmpty()) {
			return resultPage(model, assessment, posted.toSingleValueMap(), errors);
		}
		try {
			service.respondToMitigations(id, taken, declined);
		}
		catch (InvalidProposalException ex) {
			// what the page checks the service checks again; show anything it finds the same way
			for (Violation v : ex.violations()) {
				String code = mitigationAt(taken, v.field());
				errors.add(new FormError("mitigations", code, code + (v.field().endsWith(".due") ? "-due-day" : "-owner"),
						v.message() + ": " + vocabulary.mitigationLabel(code)));
			}
			return resultPage(model, assessment, posted.toSingleValueMap(), errors);
		}
		return "redirect:/assessments/" + id + "/result#mitigations";
	}

	private String section(Model model, Assessment assessment, FormDefinition form, Section section, ObjectNode answers,
			Map<String, List<String>> posted, List<FormError> errors) {
		model.addAttribute("assessment", assessment);
		model.addAttribute("view", SectionView.of(formAnswers, form, section, answers, posted, errors));
		model.addAttribute("action", assessment == null ? "/assessments/new"
				: "/assessments/" + assessment.getId() + "/sections/" + section.id());
		return "assessments/section";
	}

	private String checkPage(Model model, Assessment assessment, List<FormError> errors) {
		FormDefinition form = service.formOf(assessment);
		ObjectNode answers = service.answers(assessment);
		List<CheckedSection> sections = new ArrayList<>();
		for (Section section : form.sections()) {
			List<CheckedAnswer> rows = new ArrayList<>();
			for (FormDefinition.Question question : section.questions()) {
				if (formAnswers.applies(question, answers)) {
					rows.add(new CheckedAnswer(question, formAnswers.summary(question, answers)));
				}
			}
			sections.add(new CheckedSection(section, rows));
		}
		model.addAttribute("assessment", assessment);
		model.addAttribute("sections", sections);
		model.addAttribute("errors", errors);
		return "assessments/check";
	}

	private String resultPage(Model model, Assessment assessment, Map<String, String> posted, List<FormError> errors) {
		List<StoredEvaluation> evaluations = service.evaluations(assessment.getId());
		AssessmentResult result = service.result(evaluations.get(0));
		ObjectNode answers = service.answers(assessment);
		Map<String, Map<String, String>> responses = new LinkedHashMap<>();
		answers.path("mitigations").valueStream().forEach(m -> {
			Map<String, String> response = new LinkedHashMap<>();
			response.put("response", m.path("status").asString(""));
			response.put("owner", m.path("owner").asString(""));
			response.put("note", m.path("note").asString(""));
			String due = m.path("due").asString("");
			if (!due.isEmpty()) {
				LocalDate date = LocalDate.parse(due);
				response.put("due-day", String.valueOf(date.getDayOfMonth()));
				response.put("due-month", String.valueOf(date.getMonthValue()));
				response.put("due-year", String.valueOf(date.getYear()));
			}
			responses.put(m.path("code").asString(""), response);
		});
		answers.path("mitigationsDeclined").properties().forEach(e -> {
			Map<String, String> response = new LinkedHashMap<>();
			response.put("response", "DECLINED");
			response.put("reason", e.getValue().asString(""));
			responses.put(e.getKey(), response);
		});
		if (!posted.isEmpty()) {
			responses.clear();
			posted.forEach((name, value) -> {
				int dot = name.indexOf('.');
				if (dot > 0) {
					responses.computeIfAbsent(name.substring(0, dot), c -> new LinkedHashMap<>())
						.put(name.substring(dot + 1).replace('.', '-'), value);
				}
			});
		}
		List<String> required = result.requiredMitigations().stream().map(AssessmentResult.RequiredMitigationView::code).toList();
		List<Map.Entry<String, String>> others = responses.keySet().stream()
			.filter(code -> !required.contains(code) && vocabulary.mitigations().containsKey(code))
			.map(code -> Map.entry(code, vocabulary.mitigationLabel(code)))
			.toList();
		model.addAttribute("assessment", assessment);
		model.addAttribute("boardLabel", vocabulary.boardLabel(assessment.getBoard()));
		model.addAttribute("result", result);
		model.addAttribute("ratings", vocabulary.ratings());
		model.addAttribute("evaluations", evaluations);
		model.addAttribute("responses", responses);
		model.addAttribute("others", others);
		model.addAttribute("catalogue", vocabulary.mitigations().values().stream()
			.filter(t -> !required.contains(t.code()) && !responses.containsKey(t.code()))
			.toList());
		model.addAttribute("mayEdit", CurrentUser.get().mayEdit(assessment.getBoard(), assessment.getCreatedBy()));
		model.addAttribute("decision", decisions.latest(assessment.getId()).orElse(null));
		model.addAttribute("errors", errors);
		model.addAttribute("errorFields", errors.stream().map(FormError::field).toList());
		return "assessments/result";
	}

	private String next(UUID id, FormDefinition form, Section section, String action) {
		int index = form.sections().indexOf(section);
		if ("tasks".equals(action)) {
			return "redirect:/assessments/" + id;
		}
		if (index + 1 < form.sections().size()) {
			return "redirect:/assessments/" + id + "/sections/" + form.sections().get(index + 1).id();
		}
		return "redirect:/assessments/" + id + "/check";
	}

	/**
	 * A problem in the form's words: the form's own messages are complete sentences; the proposal
	 * validator's short ones ("is required", "must be ...") are put after the question they are about.
	 */
	private static String message(FormDefinition form, Violation violation) {
		String message = violation.message();
		if (!message.isEmpty() && Character.isUpperCase(message.charAt(0))) {
			return message;
		}
		String question = violation.field().replaceAll("\\[\\d+\\].*$", "");
		return form.question(question)
			.map(q -> q.required() && message.startsWith("is required") ? q.missing() : q.label() + ": " + message)
			.orElse(violation.field() + ": " + message);
	}

	/** The code of the response a field like {@code mitigations[2].owner} is about. */
	private static String mitigationAt(List<MitigationAnswer> taken, String field) {
		java.util.regex.Matcher index = java.util.regex.Pattern.compile("^mitigations\\[(\\d+)\\]").matcher(field);
		if (index.find() && Integer.parseInt(index.group(1)) < taken.size()) {
			return taken.get(Integer.parseInt(index.group(1))).code();
		}
		return "add-code";
	}

	private static String value(MultiValueMap<String, String> posted, String name) {
		String value = posted.getFirst(name);
		return value == null ? "" : value.strip();
	}

	private static String blankToNull(String text) {
		return text.isBlank() ? null : text;
	}

	private static LocalDate date(MultiValueMap<String, String> posted, String name) {
		try {
			return LocalDate.of(Integer.parseInt(value(posted, name + ".year")),
					Integer.parseInt(value(posted, name + ".month")), Integer.parseInt(value(posted, name + ".day")));
		}
		catch (NumberFormatException | DateTimeException ex) {
			return null;
		}
	}

	/** A line of the list of assessments. */
	record Row(Assessment assessment, String boardLabel, LatestRating latest, String link) {
	}

	/** A section on the task list with its status. */
	record Task(Section section, String status) {
	}

	/** A section of the check-your-answers page. */
	record CheckedSection(Section section, List<CheckedAnswer> answers) {
	}

	/** A question and its answer, as lines. */
	record CheckedAnswer(FormDefinition.Question question, List<String> lines) {
	}

}
