package uk.nhs.equitylens.assessment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.assessment.AssessmentResult.CumulativeContext;
import uk.nhs.equitylens.form.FormAnswers;
import uk.nhs.equitylens.lens.ActiveRulebase;
import uk.nhs.equitylens.lens.LensEngine;
import uk.nhs.equitylens.people.CurrentUser;
import uk.nhs.equitylens.people.LensUser;
import uk.nhs.equitylens.people.Role;
import uk.nhs.equitylens.form.FormDefinition;
import uk.nhs.equitylens.form.FormError;
import uk.nhs.equitylens.proposal.Completeness;
import uk.nhs.equitylens.proposal.InvalidProposalException;
import uk.nhs.equitylens.proposal.ProposalDocument;
import uk.nhs.equitylens.proposal.ProposalDocument.MitigationAnswer;
import uk.nhs.equitylens.proposal.ProposalReader;
import uk.nhs.equitylens.proposal.ProposalValidator;
import uk.nhs.equitylens.proposal.Violation;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * The ambassador's assessments: drafts that keep every answer given, submission that validates
 * everything and has the rules assess it, and mitigation responses that re-evaluate. Each change is
 * one transaction: a failed validation or rule error stores nothing and leaves the draft as it was.
 */
@Service
@Transactional
public class AssessmentService {

	private final AssessmentRepository assessments;

	private final StoredEvaluationRepository evaluations;

	private final Assessor assessor;

	private final ProposalValidator validator;

	private final Completeness completeness;

	private final FormAnswers formAnswers;

	private final Vocabulary vocabulary;

	private final JsonMapper json;

	private final ProposalReader reader;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CumulativeContexts cumulative;

	private final ActiveRulebase active;

	AssessmentService(AssessmentRepository assessments, StoredEvaluationRepository evaluations, Assessor assessor,
			ProposalValidator validator, FormAnswers formAnswers, Vocabulary vocabulary, JsonMapper json,
			ApplicationEventPublisher events, Clock clock, CumulativeContexts cumulative, ActiveRulebase active) {
		this.assessments = assessments;
		this.evaluations = evaluations;
		this.assessor = assessor;
		this.validator = validator;
		this.completeness = new Completeness(vocabulary);
		this.formAnswers = formAnswers;
		this.vocabulary = vocabulary;
		this.json = json;
		this.reader = new ProposalReader(json);
		this.events = events;
		this.clock = clock;
		this.cumulative = cumulative;
		this.active = active;
	}

	/** The form new assessments are answered under. */
	@Transactional(readOnly = true)
	public FormDefinition currentForm() {
		return formAnswers.forms().current();
	}

	/**
	 * The form an assessment is answered under. A draft (or one sent back for changes) is always
	 * answered under the current form: one started under an older version opens under the new one,
	 * its answers kept and the new questions unanswered, and takes the new version with its next
	 * save. A submitted assessment keeps the version it was answered under.
	 */
	@Transactional(readOnly = true)
	public FormDefinition formOf(Assessment assessment) {
		return assessment.isEditable() ? currentForm() : formAnswers.forms().version(assessment.getFormVersion());
	}

	/**
	 * A new draft from the answers so far. A draft needs only what places it: a title and the
	 * programme board it belongs to; everything else may come later.
	 */
	public Assessment create(ObjectNode answers) {
		LensUser user = CurrentUser.get();
		if (!user.has(Role.AMBASSADOR)) {
			throw new AccessDeniedException("Only ambassadors create assessments.");
		}
		checkDraft(answers, user);
		checkMitigations(answers);
		Assessment assessment = new Assessment(UUID.randomUUID(), text(answers, "board"), text(answers, "title"),
				currentForm().version(), json.writeValueAsString(answers), user.username(), clock.instant());
		return assessments.save(assessment);
	}

	/** Creates and submits in one go; if the submission fails nothing at all is stored. */
	public UUID createAndSubmit(ObjectNode answers) {
		Assessment assessment = create(answers);
		submit(assessment.getId());
		return assessment.getId();
	}

	/** Replaces a draft's answers (the whole document). */
	public Assessment saveDraft(UUID id, ObjectNode answers) {
		Assessment assessment = editable(id);
		checkDraft(answers, CurrentUser.get());
		checkMitigations(answers);
		assessment.answerUnder(formOf(assessment).version());
		assessment.saveAnswers(text(answers, "board"), text(answers, "title"), json.writeValueAsString(answers),
				clock.instant());
		return assessment;
	}

	/**
	 * Saves what one page of the form posted: every answer that can be read is kept, even when the
	 * page has errors, so the ambassador loses nothing; returns the errors to show on the page.
	 */
	public List<FormError> saveSection(UUID id, String sectionId, Map<String, List<String>> posted) {
		Assessment assessment = editable(id);
		FormDefinition form = formOf(assessment);
		FormDefinition.Section section = form.section(sectionId)
			.orElseThrow(() -> new IllegalArgumentException("The form has no section " + sectionId));
		ObjectNode answers = answers(assessment);
		List<FormError> errors = new ArrayList<>(formAnswers.bind(form, section, posted, answers));
		List<Violation> draftProblems = draftProblems(answers, CurrentUser.get());
		if (!draftProblems.isEmpty()) {
			// title and board place the assessment; without them the draft keeps its old ones
			draftProblems.stream()
				.filter(v -> errors.stream().noneMatch(e -> e.field().equals(v.field())))
				.forEach(v -> errors.add(formAnswers.locate(form, answers, v.field(), v.message())));
			answers.put("title", assessment.getTitle());
			answers.put("board", assessment.getBoard());
		}
		assessment.answerUnder(form.version());
		assessment.saveAnswers(text(answers, "board"), text(answers, "title"), json.writeValueAsString(answers),
				clock.instant());
		return dedupe(errors);
	}

	/**
	 * Validates the whole draft against its form and the proposal rules, checks that it is complete
	 * for submission ({@link Completeness}: CORE20 and the nine protected characteristics answered,
	 * with their evidence), has the lens assess it and stores the evaluation; the draft becomes
	 * SUBMITTED under the current form. Throws {@link InvalidProposalException} listing every problem
	 * and every missing answer, in which case nothing changes.
	 */
	public StoredEvaluation submit(UUID id) {
		Assessment assessment = editable(id);
		if (!assessment.isEditable()) {
			throw new IllegalTransitionException("Assessment " + id + " is already " + assessment.getStatus() + ".");
		}
		FormDefinition form = formOf(assessment);
		ProposalDocument document = validated(form, answers(assessment), true);
		assessment.answerUnder(form.version());
		StoredEvaluation stored = evaluate(assessment, document, form, StoredEvaluation.Reason.SUBMITTED);
		assessment.submit(json.writeValueAsString(document), clock.instant());
		return stored;
	}

	/**
	 * The ambassador's responses to the mitigations: those taken on (PROPOSED, COMMITTED or DONE, with
	 * owner and due date) and those declined with a reason. On a submitted assessment this
	 * re-evaluates and stores a new evaluation beside the old ones; on a draft it just saves.
	 */
	public Assessment respondToMitigations(UUID id, List<MitigationAnswer> taken, Map<String, String> declined) {
		Assessment assessment = editable(id);
		List<Violation> wrong = validator.checkMitigations(taken);
		if (!wrong.isEmpty()) {
			throw new InvalidProposalException(wrong);
		}
		ObjectNode answers = answers(assessment);
		answers.set("mitigations", json.valueToTree(taken));
		if (declined.isEmpty()) {
			answers.remove("mitigationsDeclined");
		}
		else {
			ObjectNode reasons = answers.putObject("mitigationsDeclined");
			declined.forEach(reasons::put);
		}
		if (assessment.isEditable()) {
			assessment.answerUnder(formOf(assessment).version());
			assessment.saveAnswers(assessment.getBoard(), assessment.getTitle(), json.writeValueAsString(answers),
					clock.instant());
			return assessment;
		}
		FormDefinition form = formOf(assessment);
		// completeness was checked at submission; a new response to the mitigations does not reopen it
		ProposalDocument document = validated(form, answers, false);
		evaluate(assessment, document, form, StoredEvaluation.Reason.MITIGATIONS);
		assessment.reviseMitigations(json.writeValueAsString(document), clock.instant());
		return assessment;
	}

	/**
	 * Records the board's decision on the assessment as it stands: the current user must be a member
	 * of its board and must have seen the current version (else 409, never a silent overwrite).
	 * Returns the evaluation the decision was made on.
	 */
	public StoredEvaluation decide(UUID id, AssessmentStatus decision, java.time.LocalDate reviewDue,
			long seenVersion) {
		Assessment assessment = find(id);
		if (!CurrentUser.get().mayDecide(assessment.getBoard())) {
			throw new AccessDeniedException("Only members of the assessment's programme board decide on it.");
		}
		if (assessment.getVersion() != seenVersion) {
			throw new org.springframework.orm.ObjectOptimisticLockingFailureException(Assessment.class, id);
		}
		List<StoredEvaluation> stored = evaluations.findByAssessmentIdOrderBySequenceDesc(id);
		if (stored.isEmpty()) {
			throw new IllegalTransitionException("Assessment " + id + " has not been evaluated.");
		}
		assessment.decide(decision, reviewDue, clock.instant());
		assessments.flush();
		return stored.get(0);
	}

	/** The board closes the follow-up review of an approved assessment. */
	public Assessment closeReview(UUID id) {
		Assessment assessment = find(id);
		if (!CurrentUser.get().mayDecide(assessment.getBoard())) {
			throw new AccessDeniedException("Only members of the assessment's programme board close its review.");
		}
		assessment.closeReview(clock.instant());
		return assessment;
	}

	/** Submitted assessments of these boards, oldest first. */
	@Transactional(readOnly = true)
	public List<Assessment> waitingFor(java.util.Collection<String> boards) {
		return boards.isEmpty() ? List.of()
				: assessments.findByBoardInAndStatusOrderBySubmittedAtAsc(boards, AssessmentStatus.SUBMITTED);
	}

	/** Approved assessments of these boards whose follow-up review is still open, earliest due first. */
	@Transactional(readOnly = true)
	public List<Assessment> openReviews(java.util.Collection<String> boards) {
		return boards.isEmpty() ? List.of()
				: assessments.openReviews(boards, List.of(AssessmentStatus.APPROVED, AssessmentStatus.APPROVED_WITH_CONDITIONS));
	}

	/** An assessment the current user may read (their board's, or any for governance). */
	@Transactional(readOnly = true)
	public Assessment get(UUID id) {
		Assessment assessment = find(id);
		if (!CurrentUser.get().mayRead(assessment.getBoard(), assessment.getCreatedBy())) {
			throw new AccessDeniedException("This assessment belongs to a board you are not part of.");
		}
		return assessment;
	}

	/** An assessment the current user may change: one they created, for a board they are an ambassador for. */
	Assessment editable(UUID id) {
		Assessment assessment = find(id);
		if (!CurrentUser.get().mayEdit(assessment.getBoard(), assessment.getCreatedBy())) {
			throw new AccessDeniedException("Only the ambassador who created this assessment can change it.");
		}
		return assessment;
	}

	Assessment find(UUID id) {
		return assessments.findById(id).orElseThrow(() -> new AssessmentNotFoundException(id));
	}

	/**
	 * The latest ratings of the given assessments, by assessment id, in one query (lists and queues
	 * would otherwise read every evaluation of every row). Callers pass assessments they have already
	 * been allowed to list; assessments never evaluated are absent.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, LatestRating> latestRatings(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, LatestRating> latest = new HashMap<>();
		evaluations.latestRatings(ids).forEach(rating -> latest.put(rating.assessmentId(), rating));
		return latest;
	}

	/** An assessment with its answers and every evaluation, newest first, read in one transaction. */
	@Transactional(readOnly = true)
	public AssessmentView view(UUID id) {
		Assessment a = get(id);
		List<AssessmentView.EvaluationView> views = evaluations.findByAssessmentIdOrderBySequenceDesc(id)
			.stream()
			.map(e -> new AssessmentView.EvaluationView(e.getId(), e.getSequence(), e.getReason(), e.getEvaluatedAt(),
					e.getFormVersion(), e.getRulebaseVersion(), result(e)))
			.toList();
		return new AssessmentView(a.getId(), a.getBoard(), a.getTitle(), a.getStatus(), formOf(a).version(),
				a.getVersion(), a.getCreatedAt(), a.getUpdatedAt(), a.getSubmittedAt(), answers(a), views);
	}

	/** Newest first. */
	@Transactional(readOnly = true)
	public List<StoredEvaluation> evaluations(UUID id) {
		get(id);
		return evaluations.findByAssessmentIdOrderBySequenceDesc(id);
	}

	/** The assessments the current user may see: their boards', or all for governance. */
	@Transactional(readOnly = true)
	public Page<Assessment> list(String board, AssessmentStatus status, Pageable pageable) {
		LensUser user = CurrentUser.get();
		if (!user.has(Role.AMBASSADOR) && !user.has(Role.BOARD_MEMBER) && !user.has(Role.GOVERNANCE)) {
			throw new AccessDeniedException("Your role does not read assessments.");
		}
		boolean all = user.visibleBoards().isEmpty();
		java.util.Collection<String> boards = all ? List.of("-") : user.visibleBoards();
		return assessments.search(all, boards, board, status, pageable);
	}

	/** The answers so far, as a proposal document in the making. */
	public ObjectNode answers(Assessment assessment) {
		return (ObjectNode) json.readTree(assessment.getAnswers());
	}

	/**
	 * The evaluate dry run: the document under the active rulebase, with the cumulative pressure of
	 * the assessments stored now (none of them its own); nothing is stored.
	 */
	@Transactional(readOnly = true)
	public Evaluation dryRun(ProposalDocument document) {
		LensEngine engine = active.engine();
		return assessor.evaluate(document, currentForm().version(), engine, cumulativeContext(document, null, engine));
	}

	/**
	 * The cumulative context an evaluation was made with, as stored: what a replay or a what-if
	 * evaluates with; {@link CumulativeContext#NONE} for one made before the context was counted.
	 */
	public CumulativeContext cumulative(StoredEvaluation evaluation) {
		return evaluation.getCumulative() == null ? CumulativeContext.NONE
				: json.readValue(evaluation.getCumulative(), CumulativeContext.class);
	}

	/** Counted over the window of the rulebase that evaluates, so that the window and the rules agree. */
	private CumulativeContext cumulativeContext(ProposalDocument document, UUID self, LensEngine engine) {
		return cumulative.contextFor(document, self, engine.rulebase().policy().parameters().cumulativeWindowMonths());
	}

	/** A stored result, as it was returned. */
	public AssessmentResult result(StoredEvaluation evaluation) {
		return json.readValue(evaluation.getResult(), AssessmentResult.class);
	}

	/**
	 * Every problem that stops a submission: the form's questions, the document's types, the proposal
	 * rules, then each answer missing for submission ({@link Completeness}).
	 */
	public List<Violation> problems(FormDefinition form, ObjectNode answers) {
		return problems(form, answers, true);
	}

	/** The answers missing for submission ({@link Completeness}), for a draft's task list; none if unreadable. */
	@Transactional(readOnly = true)
	public List<Violation> missingForSubmission(ObjectNode answers) {
		try {
			return completeness.check(reader.read(answers));
		}
		catch (InvalidProposalException ex) {
			return List.of();
		}
	}

	private List<Violation> problems(FormDefinition form, ObjectNode answers, boolean forSubmission) {
		Map<String, Violation> byField = new LinkedHashMap<>();
		for (FormError error : formAnswers.check(form, answers)) {
			byField.putIfAbsent(error.field(), new Violation(error.field(), error.message()));
		}
		try {
			ProposalDocument document = reader.read(answers);
			for (Violation violation : validator.check(document)) {
				byField.putIfAbsent(violation.field(), violation);
			}
			if (forSubmission) {
				for (Violation violation : completeness.check(document)) {
					byField.putIfAbsent(violation.field(), violation);
				}
			}
		}
		catch (InvalidProposalException ex) {
			ex.violations().forEach(v -> byField.putIfAbsent(v.field(), v));
		}
		return List.copyOf(byField.values());
	}

	private ProposalDocument validated(FormDefinition form, ObjectNode answers, boolean forSubmission) {
		List<Violation> problems = problems(form, answers, forSubmission);
		if (!problems.isEmpty()) {
			throw new InvalidProposalException(problems);
		}
		return reader.read(answers);
	}

	private StoredEvaluation evaluate(Assessment assessment, ProposalDocument document, FormDefinition form,
			StoredEvaluation.Reason reason) {
		LensEngine engine = active.engine();
		CumulativeContext context = cumulativeContext(document, assessment.getId(), engine);
		Evaluation evaluation = assessor.evaluate(document, form.version(), engine, context);
		int sequence = evaluations.countByAssessmentId(assessment.getId()) + 1;
		StoredEvaluation stored = evaluations.save(new StoredEvaluation(UUID.randomUUID(), assessment.getId(), sequence,
				reason, json.writeValueAsString(document), form.version(), evaluation.result(),
				json.writeValueAsString(evaluation.result()), json.writeValueAsString(evaluation.firings()),
				json.writeValueAsString(context), clock.instant()));
		events.publishEvent(new AssessmentEvaluated(assessment.getId(), stored.getId(), sequence, reason,
				assessment.getBoard(), stored.getRating(), stored.getResidualRating(), stored.getRulebaseVersion(),
				form.version(), CurrentUser.get().username(), stored.getDocument(), stored.getFiredRules(),
				stored.getResult()));
		return stored;
	}

	private void checkDraft(ObjectNode answers, LensUser user) {
		List<Violation> problems = draftProblems(answers, user);
		if (!problems.isEmpty()) {
			throw new InvalidProposalException(problems);
		}
	}

	/**
	 * A draft keeps whatever it is given, with one exception: a mitigation it says is COMMITTED or
	 * DONE names its owner and due date, refused now rather than at submission. Unknown codes and
	 * values of the wrong type are left for submission to name.
	 */
	private void checkMitigations(ObjectNode answers) {
		JsonNode mitigations = answers.get("mitigations");
		if (mitigations == null || !mitigations.isArray()) {
			return;
		}
		List<MitigationAnswer> read;
		try {
			read = java.util.Arrays.asList(json.treeToValue(mitigations, MitigationAnswer[].class));
		}
		catch (tools.jackson.core.JacksonException ex) {
			return;
		}
		List<Violation> wrong = validator.checkMitigations(read)
			.stream()
			.filter(v -> v.field().endsWith(".owner") || v.field().endsWith(".due"))
			.toList();
		if (!wrong.isEmpty()) {
			throw new InvalidProposalException(wrong);
		}
	}

	private List<Violation> draftProblems(ObjectNode answers, LensUser user) {
		List<Violation> problems = new ArrayList<>();
		String title = text(answers, "title");
		if (title == null || title.isBlank()) {
			problems.add(new Violation("title", "is required, even for a draft"));
		}
		else if (title.length() > 200) {
			problems.add(new Violation("title", "size must be between 0 and 200"));
		}
		String board = text(answers, "board");
		if (board == null || board.isBlank()) {
			problems.add(new Violation("board", "is required, even for a draft: the programme board it is for"));
		}
		else if (!vocabulary.boards().containsKey(board)) {
			problems.add(new Violation("board", "'" + board + "' is not a known programme board code; expected one of "
					+ String.join(", ", vocabulary.boards().keySet())));
		}
		else if (!user.isAmbassadorFor(board)) {
			problems.add(new Violation("board", "you are not an ambassador for "
					+ vocabulary.boards().get(board).label() + "; choose one of your boards: "
					+ String.join(", ", new java.util.TreeSet<>(user.boards()))));
		}
		return problems;
	}

	private static List<FormError> dedupe(List<FormError> errors) {
		Map<String, FormError> byAnchor = new LinkedHashMap<>();
		errors.forEach(e -> byAnchor.putIfAbsent(e.anchor() + "|" + e.message(), e));
		return List.copyOf(byAnchor.values());
	}

	private static String text(ObjectNode answers, String key) {
		JsonNode value = answers.get(key);
		return value == null || !value.isString() ? null : value.asString();
	}

}
