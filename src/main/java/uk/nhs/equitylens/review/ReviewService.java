package uk.nhs.equitylens.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.assessment.Assessment;
import uk.nhs.equitylens.assessment.AssessmentResult;
import uk.nhs.equitylens.assessment.AssessmentService;
import uk.nhs.equitylens.assessment.BoardDecisions;
import uk.nhs.equitylens.assessment.AssessmentStatus;
import uk.nhs.equitylens.assessment.IllegalTransitionException;
import uk.nhs.equitylens.assessment.LatestRating;
import uk.nhs.equitylens.assessment.StoredEvaluation;
import uk.nhs.equitylens.people.CurrentUser;
import uk.nhs.equitylens.people.LensUser;
import uk.nhs.equitylens.people.Role;
import uk.nhs.equitylens.proposal.InvalidProposalException;
import uk.nhs.equitylens.proposal.Violation;

/**
 * The programme board's review: the queue, decisions (guarded; an approval against the lens needs
 * a stated override, recorded and flagged for governance), comments between board and ambassador,
 * and the follow-up review of approved changes.
 */
@Service
@Transactional
public class ReviewService implements BoardDecisions {

	/** How long after an approval the follow-up review is due, unless the board says otherwise. */
	static final int DEFAULT_REVIEW_MONTHS = 6;

	private static final ZoneId UK = ZoneId.of("Europe/London");

	private final AssessmentService assessments;

	private final DecisionRepository decisions;

	private final CommentRepository comments;

	private final FollowUpRepository followUps;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReviewService(AssessmentService assessments, DecisionRepository decisions, CommentRepository comments,
			FollowUpRepository followUps, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
		this.assessments = assessments;
		this.decisions = decisions;
		this.comments = comments;
		this.followUps = followUps;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/** What the current board member has to do: submitted assessments oldest first, and follow-ups. */
	@Transactional(readOnly = true)
	public Queue queue() {
		LensUser user = CurrentUser.require("The review queue is for board members.", Role.BOARD_MEMBER);
		LocalDate today = LocalDate.now(clock.withZone(UK));
		List<Assessment> submitted = assessments.waitingFor(user.boards());
		Map<UUID, LatestRating> ratings = assessments.latestRatings(submitted.stream().map(Assessment::getId).toList());
		List<QueueItem> waiting = new ArrayList<>();
		for (Assessment assessment : submitted) {
			LatestRating latest = ratings.get(assessment.getId());
			waiting.add(new QueueItem(assessment.getId(), assessment.getTitle(), assessment.getBoard(),
					assessment.getCreatedBy(), assessment.getSubmittedAt(), latest.rating(), latest.residualRating(),
					assessment.getVersion(), null, List.of()));
		}
		List<QueueItem> followUp = new ArrayList<>();
		List<Assessment> open = assessments.openReviews(user.boards());
		Map<UUID, LatestRating> openRatings = assessments.latestRatings(open.stream().map(Assessment::getId).toList());
		for (Assessment assessment : open) {
			List<String> overdueMitigations = overdueMitigations(assessment, today);
			boolean reviewOverdue = assessment.getReviewDue() != null && assessment.getReviewDue().isBefore(today);
			if (reviewOverdue || !overdueMitigations.isEmpty()) {
				LatestRating latest = openRatings.get(assessment.getId());
				followUp.add(new QueueItem(assessment.getId(), assessment.getTitle(), assessment.getBoard(),
						assessment.getCreatedBy(), assessment.getSubmittedAt(), latest.rating(), latest.residualRating(),
						assessment.getVersion(), assessment.getReviewDue(), overdueMitigations));
			}
		}
		return new Queue(waiting, followUp);
	}

	/**
	 * Records a decision. Every decision needs a reason; APPROVED_WITH_CONDITIONS needs its conditions;
	 * approving an assessment whose residual rating is HIGH or SEVERE, whose assurance is WEAK, or with
	 * a required mitigation not yet answered, needs an override justification, which is recorded and
	 * flagged.
	 */
	public Decision decide(UUID id, DecisionRequest request) {
		Assessment assessment = assessments.get(id);
		if (!CurrentUser.get().mayDecide(assessment.getBoard())) {
			throw new AccessDeniedException("Only members of the assessment's programme board decide on it.");
		}
		List<Violation> problems = new ArrayList<>();
		AssessmentStatus decision = null;
		try {
			decision = request.decision() == null ? null : AssessmentStatus.valueOf(request.decision());
		}
		catch (IllegalArgumentException ex) {
			decision = null;
		}
		if (decision == null || !decision.isDecision()) {
			problems.add(new Violation("decision",
					"choose APPROVED, APPROVED_WITH_CONDITIONS, CHANGES_REQUESTED or REJECTED"));
		}
		if (blank(request.reason())) {
			problems.add(new Violation("reason", "give the reason for the decision"));
		}
		else if (request.reason().length() > 5000) {
			problems.add(new Violation("reason", "must be 5,000 characters or fewer"));
		}
		if (decision == AssessmentStatus.APPROVED_WITH_CONDITIONS && blank(request.conditions())) {
			problems.add(new Violation("conditions", "state the conditions of the approval"));
		}
		if (request.version() == null) {
			problems.add(new Violation("version", "send the version of the assessment you reviewed"));
		}
		StoredEvaluation latest = assessments.evaluations(id).stream().findFirst().orElse(null);
		List<String> againstTheLens = latest == null ? List.of() : againstTheLens(assessment, latest);
		boolean override = decision != null && decision.isApproval() && !againstTheLens.isEmpty();
		if (override && blank(request.overrideJustification())) {
			problems.add(new Violation("overrideJustification", "approving needs an override justification because "
					+ String.join(" and ", againstTheLens)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidProposalException(problems);
		}
		LocalDate reviewDue = request.reviewDue() != null ? request.reviewDue()
				: LocalDate.now(clock.withZone(UK)).plusMonths(DEFAULT_REVIEW_MONTHS);
		StoredEvaluation decidedOn = assessments.decide(id, decision, reviewDue, request.version());
		String who = CurrentUser.get().username();
		Decision recorded = decisions.save(new Decision(id, decidedOn.getId(), decision, request.reason().strip(),
				blank(request.conditions()) ? null : request.conditions().strip(),
				override ? request.overrideJustification().strip() : null, override, who, clock.instant()));
		events.publishEvent(new AssessmentDecided(id, recorded.getId(), decision, assessment.getBoard(), who, override,
				decidedOn.getId(), recorded.getReason(), recorded.getConditions(), recorded.getOverrideJustification()));
		return recorded;
	}

	/**
	 * Why approving would go against the lens: a residual rating of HIGH or SEVERE, WEAK assurance,
	 * or required mitigations with no response (neither taken on nor declined with a reason).
	 */
	public List<String> againstTheLens(Assessment assessment, StoredEvaluation latest) {
		List<String> reasons = new ArrayList<>();
		if (latest.getResidualRating().equals("HIGH") || latest.getResidualRating().equals("SEVERE")) {
			reasons.add("the residual rating is " + latest.getResidualRating());
		}
		AssessmentResult result = assessments.result(latest);
		if (result.assurance() != null && result.assurance().weak()) {
			// harm and assurance are apart (lens v2): a weakly founded assessment is no ground to approve on,
			// whatever its rating, so it needs the same stated override as a HIGH or SEVERE residual
			reasons.add("assurance is WEAK");
		}
		ObjectNode answers = assessments.answers(assessment);
		Set<String> answered = new java.util.HashSet<>();
		answers.path("mitigations").valueStream().forEach(m -> answered.add(m.path("code").asString("")));
		answers.path("mitigationsDeclined").propertyNames().forEach(answered::add);
		List<String> unanswered = result.requiredMitigations().stream()
			.map(AssessmentResult.RequiredMitigationView::code)
			.filter(code -> !answered.contains(code))
			.toList();
		if (!unanswered.isEmpty()) {
			reasons.add(unanswered.size() + " required mitigation" + (unanswered.size() == 1 ? " has" : "s have")
					+ " no response (" + String.join(", ", unanswered) + ")");
		}
		return reasons;
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<BoardDecisions.Summary> latest(UUID assessmentId) {
		return decisions.findByAssessmentIdOrderByDecidedAtDesc(assessmentId).stream().findFirst()
			.map(d -> new BoardDecisions.Summary(d.getDecision().name().replace('_', ' '), d.getDecidedBy(), d.getReason(),
					d.getConditions()));
	}

	/** Approvals that went against the lens, newest first: flagged for governance. */
	@Transactional(readOnly = true)
	public List<Decision> overrides() {
		CurrentUser.require("Overrides are reported to governance.", Role.GOVERNANCE);
		return decisions.findByOverriddenTrueOrderByDecidedAtDesc();
	}

	@Transactional(readOnly = true)
	public List<Decision> decisions(UUID id) {
		assessments.get(id);
		return decisions.findByAssessmentIdOrderByDecidedAtDesc(id);
	}

	/** A comment from a member of the board or the assessment's ambassador, which the other sees. */
	public ReviewComment comment(UUID id, String body) {
		Assessment assessment = assessments.get(id);
		LensUser user = CurrentUser.get();
		if (!user.mayDecide(assessment.getBoard()) && !user.username().equals(assessment.getCreatedBy())) {
			throw new AccessDeniedException("Comments are between the board and the assessment's ambassador.");
		}
		if (blank(body) || body.length() > 5000) {
			throw new InvalidProposalException(List.of(new Violation("body", "write a comment of up to 5,000 characters")));
		}
		return comments.save(new ReviewComment(id, user.username(), body.strip(), clock.instant()));
	}

	@Transactional(readOnly = true)
	public List<ReviewComment> comments(UUID id) {
		assessments.get(id);
		return comments.findByAssessmentIdOrderByCreatedAtAsc(id);
	}

	/**
	 * The ambassador's follow-up review of an approved change: what happened to uptake and outcomes
	 * for the cohorts affected, and whether each committed mitigation was delivered.
	 */
	public FollowUp recordFollowUp(UUID id, String whatHappened, Map<String, Boolean> delivered) {
		Assessment assessment = assessments.get(id);
		LensUser user = CurrentUser.get();
		if (!user.mayEdit(assessment.getBoard(), assessment.getCreatedBy())) {
			throw new AccessDeniedException("The assessment's ambassador records its follow-up review.");
		}
		if (!assessment.getStatus().isApproval() || assessment.getReviewClosedAt() != null) {
			throw new IllegalTransitionException("Only an approved assessment with an open review can be followed up.");
		}
		if (blank(whatHappened) || whatHappened.length() > 10000) {
			throw new InvalidProposalException(List.of(new Violation("whatHappened",
					"say what happened to uptake and outcomes for the cohorts affected (up to 10,000 characters)")));
		}
		return followUps.save(new FollowUp(id, whatHappened.strip(), json.writeValueAsString(delivered),
				user.username(), clock.instant()));
	}

	@Transactional(readOnly = true)
	public List<FollowUp> followUps(UUID id) {
		assessments.get(id);
		return followUps.findByAssessmentIdOrderByRecordedAtDesc(id);
	}

	/** The board closes the follow-up review once it has read what happened. */
	public Assessment closeFollowUp(UUID id) {
		Assessment assessment = assessments.get(id);
		if (!CurrentUser.get().mayDecide(assessment.getBoard())) {
			throw new AccessDeniedException("Only members of the assessment's programme board close its review.");
		}
		if (followUps.findByAssessmentIdOrderByRecordedAtDesc(id).isEmpty()) {
			throw new IllegalTransitionException("The ambassador has not recorded the follow-up review yet.");
		}
		return assessments.closeReview(id);
	}

	private List<String> overdueMitigations(Assessment assessment, LocalDate today) {
		List<String> overdue = new ArrayList<>();
		for (JsonNode mitigation : assessments.answers(assessment).path("mitigations")) {
			String due = mitigation.path("due").asString("");
			if (mitigation.path("status").asString("").equals("COMMITTED") && !due.isEmpty()
					&& LocalDate.parse(due).isBefore(today)) {
				overdue.add(mitigation.path("code").asString(""));
			}
		}
		return overdue;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** A decision as asked for (API body and page form alike). */
	public record DecisionRequest(String decision, String reason, String conditions, String overrideJustification,
			Long version, LocalDate reviewDue) {
	}

	/** The board member's queue. */
	public record Queue(List<QueueItem> waiting, List<QueueItem> followUp) {
	}

	/** One assessment on the queue. */
	public record QueueItem(UUID id, String title, String board, String ambassador, java.time.Instant submittedAt,
			String rating, String residualRating, long version, LocalDate reviewDue, List<String> overdueMitigations) {
	}

}
