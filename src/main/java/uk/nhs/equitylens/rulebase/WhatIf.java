package uk.nhs.equitylens.rulebase;

import java.io.IOException;
import java.io.Writer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.nhs.equitylens.assessment.AssessmentResult;
import uk.nhs.equitylens.assessment.Assessor;
import uk.nhs.equitylens.audit.RulebaseArchive;
import uk.nhs.equitylens.lens.ActiveRulebase;
import uk.nhs.equitylens.lens.LensEngine;
import uk.nhs.equitylens.lens.Rulebase;
import uk.nhs.equitylens.people.CurrentUser;
import uk.nhs.equitylens.people.LensUser;
import uk.nhs.equitylens.people.Role;
import uk.nhs.equitylens.proposal.ProposalReader;

/**
 * What a rule change would do before it goes live: a candidate rulebase is run, in the background,
 * over the latest proposal of every stored assessment (or those of one board, or submitted in a date
 * range), streaming them from the database one row at a time (constant memory however large the
 * history), and compared with what is stored: ratings from/to, the assessments that change, rules
 * that would start or stop firing, required mitigations gained or lost, per board. Progress and the
 * report are kept in the database, so the page can be left and returned to from any instance, and
 * the run can be cancelled.
 */
@Service
public class WhatIf {

	private static final Logger log = LoggerFactory.getLogger(WhatIf.class);

	/** Progress is written, and cancellation read, every this many assessments. */
	static final int STEP = 100;

	private final JdbcTemplate jdbc;

	private final RulebaseArchive archive;

	private final ActiveRulebase active;

	private final Assessor assessor;

	private final JsonMapper json;

	private final ProposalReader reader;

	private final Clock clock;

	/** The run reads in one read-only transaction, so PostgreSQL streams rows by the fetch size ... */
	private final TransactionTemplate reading;

	/** ... and writes progress and changes in their own short transactions, visible at once to others. */
	private final TransactionTemplate writing;

	private final ExecutorService runs = Executors.newFixedThreadPool(1, task -> {
		Thread thread = new Thread(task, "what-if");
		thread.setDaemon(true);
		return thread;
	});

	WhatIf(JdbcTemplate jdbc, RulebaseArchive archive, ActiveRulebase active, Assessor assessor, JsonMapper json,
			Clock clock, PlatformTransactionManager transactions) {
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.writing = new TransactionTemplate(transactions);
		this.writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.archive = archive;
		this.active = active;
		this.assessor = assessor;
		this.json = json;
		this.reader = new ProposalReader(json);
		this.clock = clock;
	}

	@PreDestroy
	void stop() {
		runs.shutdownNow();
	}

	/** Starts a run of a checked candidate; returns its id at once. */
	public UUID start(String candidateVersion, String board, LocalDate from, LocalDate to) {
		LensUser user = requireGovernance();
		Rulebase candidate = archive.load(candidateVersion)
			.orElseThrow(() -> new CandidateRejected(List.of("There is no checked candidate with version "
					+ candidateVersion + "; load it first.")));
		UUID id = UUID.randomUUID();
		Filter filter = new Filter(blankToNull(board), from, to);
		int total = jdbc.queryForObject("select count(*) from assessment a where " + filter.where(), Integer.class,
				filter.arguments());
		jdbc.update("""
				insert into whatif_run (id, candidate_version, active_version, board, from_date, to_date, status, total,
				                        processed, cancel_requested, started_by, started_at)
				values (?, ?, ?, ?, ?, ?, 'RUNNING', ?, 0, false, ?, ?)
				""", id, candidate.version(), active.rulebase().version(), filter.board(), date(from), date(to), total,
				user.username(), Timestamp.from(clock.instant()));
		runs.submit(() -> run(id, candidate, filter));
		return id;
	}

	public Run get(UUID id) {
		requireGovernance();
		List<Run> found = jdbc.query("select * from whatif_run where id = ?", (row, i) -> new Run(
				UUID.fromString(row.getString("id")), row.getString("candidate_version"), row.getString("active_version"),
				row.getString("board"), row.getDate("from_date") == null ? null : row.getDate("from_date").toLocalDate(),
				row.getDate("to_date") == null ? null : row.getDate("to_date").toLocalDate(), row.getString("status"),
				row.getInt("total"), row.getInt("processed"),
				row.getString("report") == null ? null : json.readTree(row.getString("report")), row.getString("error"),
				row.getString("started_by"), row.getTimestamp("started_at").toInstant(),
				row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant()), id);
		if (found.isEmpty()) {
			throw new CandidateRejected(List.of("There is no what-if run " + id + "."));
		}
		return found.get(0);
	}

	/** Runs newest first. */
	public List<Run> recent() {
		requireGovernance();
		List<UUID> ids = jdbc.queryForList("select id from whatif_run order by started_at desc", String.class)
			.stream().limit(20).map(UUID::fromString).toList();
		List<Run> found = new ArrayList<>();
		ids.forEach(id -> found.add(get(id)));
		return found;
	}

	public void cancel(UUID id) {
		requireGovernance();
		jdbc.update("update whatif_run set cancel_requested = true where id = ? and status = 'RUNNING'", id);
	}

	/** The assessments that would change, as CSV; cells a spreadsheet would run as formulas are neutralised. */
	public void csv(UUID id, Writer out) throws IOException {
		requireGovernance();
		get(id);
		out.write("assessment_id,title,board,rating_from,rating_to,score_from,score_to,residual_from,residual_to,"
				+ "rules_started,rules_stopped,mitigations_gained,mitigations_lost\r\n");
		jdbc.query("select * from whatif_change where run_id = ? order by board, title", row -> {
			try {
				out.write(String.join(",", cell(row.getString("assessment_id")), cell(row.getString("title")),
						cell(row.getString("board")), cell(row.getString("from_rating")), cell(row.getString("to_rating")),
						cell(row.getString("from_score")), cell(row.getString("to_score")),
						cell(row.getString("from_residual")), cell(row.getString("to_residual")),
						cell(row.getString("rules_started")), cell(row.getString("rules_stopped")),
						cell(row.getString("mitigations_gained")), cell(row.getString("mitigations_lost"))) + "\r\n");
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}, id);
	}

	/** A CSV cell: quoted, and a leading =, +, -, @ (or tab, CR) made inert with a quote mark. */
	static String cell(String value) {
		String text = value == null ? "" : value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private void run(UUID id, Rulebase candidate, Filter filter) {
		LensEngine engine = new LensEngine(candidate);
		Report report = new Report();
		int[] processed = { 0 };
		boolean[] cancelled = { false };
		try {
			reading.executeWithoutResult(status -> jdbc.query(con -> {
				var statement = con.prepareStatement("""
						select a.id, a.title, a.board, e.document, e.form_version, e.result
						from assessment a join evaluation e on e.assessment_id = a.id
						where e.sequence = (select max(l.sequence) from evaluation l where l.assessment_id = a.id)
						  and""" + " " + filter.where() + " order by a.id", java.sql.ResultSet.TYPE_FORWARD_ONLY,
						java.sql.ResultSet.CONCUR_READ_ONLY);
				statement.setFetchSize(200);
				Object[] arguments = filter.arguments();
				for (int i = 0; i < arguments.length; i++) {
					statement.setObject(i + 1, arguments[i]);
				}
				return statement;
			}, row -> {
				if (cancelled[0]) {
					return;
				}
				compare(id, report, row.getString("id"), row.getString("title"), row.getString("board"),
						row.getString("document"), row.getString("form_version"), row.getString("result"), engine);
				processed[0]++;
				if (processed[0] % STEP == 0) {
					progress(id, processed[0], report);
					cancelled[0] = Boolean.TRUE.equals(writing.execute(s -> jdbc.queryForObject(
							"select cancel_requested from whatif_run where id = ?", Boolean.class, id)));
				}
			}));
			progress(id, processed[0], report);
			finish(id, cancelled[0] ? "CANCELLED" : "DONE", null);
		}
		catch (RuntimeException ex) {
			log.error("What-if run {} failed", id, ex);
			progress(id, processed[0], report);
			finish(id, "FAILED", "The run stopped: " + ex.getClass().getSimpleName());
		}
	}

	private void compare(UUID run, Report report, String assessmentId, String title, String board, String document,
			String formVersion, String stored, LensEngine engine) {
		AssessmentResult before = json.readValue(stored, AssessmentResult.class);
		AssessmentResult after;
		try {
			after = assessor.evaluate(reader.read(json.readTree(document)), formVersion, engine).result();
		}
		catch (RuntimeException ex) {
			report.failed++;
			return;
		}
		Set<String> started = difference(after.firedRules(), before.firedRules());
		Set<String> stopped = difference(before.firedRules(), after.firedRules());
		Set<String> gained = difference(codes(after), codes(before));
		Set<String> lost = difference(codes(before), codes(after));
		boolean changed = !before.rating().equals(after.rating()) || !before.residualRating().equals(after.residualRating())
				|| !started.isEmpty() || !stopped.isEmpty() || !gained.isEmpty() || !lost.isEmpty();
		report.add(board, before.rating(), after.rating(), changed, started, stopped, gained, lost);
		if (changed) {
			writing.executeWithoutResult(status -> jdbc.update("""
					insert into whatif_change (run_id, assessment_id, title, board, from_rating, to_rating, from_score,
					    to_score, from_residual, to_residual, rules_started, rules_stopped, mitigations_gained,
					    mitigations_lost) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""", run, UUID.fromString(assessmentId), title, board, before.rating(), after.rating(), before.score(),
					after.score(), before.residualRating(), after.residualRating(), String.join(" ", started),
					String.join(" ", stopped), String.join(" ", gained), String.join(" ", lost)));
		}
	}

	private void progress(UUID id, int processed, Report report) {
		writing.executeWithoutResult(s -> jdbc.update("update whatif_run set processed = ?, report = ? where id = ?",
				processed, json.writeValueAsString(report.view()), id));
	}

	private void finish(UUID id, String status, String error) {
		writing.executeWithoutResult(s -> jdbc.update(
				"update whatif_run set status = ?, error = ?, finished_at = ? where id = ?", status, error,
				Timestamp.from(clock.instant()), id));
	}

	private static List<String> codes(AssessmentResult result) {
		return result.requiredMitigations().stream().map(AssessmentResult.RequiredMitigationView::code).toList();
	}

	private static Set<String> difference(List<String> a, List<String> b) {
		Set<String> result = new LinkedHashSet<>(a);
		b.forEach(result::remove);
		return result;
	}

	private static LensUser requireGovernance() {
		return CurrentUser.require("What-if runs are for governance.", Role.GOVERNANCE);
	}

	private static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	/** Which assessments a run covers: evaluated ones, optionally of one board, submitted in a date range. */
	record Filter(String board, LocalDate from, LocalDate to) {

		String where() {
			StringBuilder where = new StringBuilder("exists (select 1 from evaluation x where x.assessment_id = a.id)");
			if (board != null) {
				where.append(" and a.board = ?");
			}
			if (from != null) {
				where.append(" and a.submitted_at >= ?");
			}
			if (to != null) {
				where.append(" and a.submitted_at < ?");
			}
			return where.toString();
		}

		Object[] arguments() {
			List<Object> arguments = new ArrayList<>();
			if (board != null) {
				arguments.add(board);
			}
			if (from != null) {
				arguments.add(Timestamp.valueOf(from.atStartOfDay()));
			}
			if (to != null) {
				arguments.add(Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
			}
			return arguments.toArray();
		}

	}

	/** The running totals of a what-if (a few counters per rating, rule, code and board: small). */
	static final class Report {

		int assessed;

		int changed;

		int failed;

		final Map<String, Map<String, Integer>> ratings = new TreeMap<>();

		final Map<String, Integer> rulesStarted = new TreeMap<>();

		final Map<String, Integer> rulesStopped = new TreeMap<>();

		final Map<String, Integer> mitigationsGained = new TreeMap<>();

		final Map<String, Integer> mitigationsLost = new TreeMap<>();

		final Map<String, Map<String, Integer>> boards = new TreeMap<>();

		void add(String board, String from, String to, boolean isChanged, Set<String> started, Set<String> stopped,
				Set<String> gained, Set<String> lost) {
			assessed++;
			if (isChanged) {
				changed++;
			}
			ratings.computeIfAbsent(from, k -> new TreeMap<>()).merge(to, 1, Integer::sum);
			started.forEach(r -> rulesStarted.merge(r, 1, Integer::sum));
			stopped.forEach(r -> rulesStopped.merge(r, 1, Integer::sum));
			gained.forEach(c -> mitigationsGained.merge(c, 1, Integer::sum));
			lost.forEach(c -> mitigationsLost.merge(c, 1, Integer::sum));
			Map<String, Integer> perBoard = boards.computeIfAbsent(board, k -> new TreeMap<>());
			perBoard.merge("assessed", 1, Integer::sum);
			int order = ORDER.indexOf(to) - ORDER.indexOf(from);
			perBoard.merge(isChanged ? "changed" : "unchanged", 1, Integer::sum);
			if (order > 0) {
				perBoard.merge("ratingUp", 1, Integer::sum);
			}
			else if (order < 0) {
				perBoard.merge("ratingDown", 1, Integer::sum);
			}
		}

		Map<String, Object> view() {
			Map<String, Object> view = new java.util.LinkedHashMap<>();
			view.put("assessed", assessed);
			view.put("changed", changed);
			view.put("failed", failed);
			view.put("ratings", ratings);
			view.put("rulesStarted", rulesStarted);
			view.put("rulesStopped", rulesStopped);
			view.put("mitigationsGained", mitigationsGained);
			view.put("mitigationsLost", mitigationsLost);
			view.put("boards", boards);
			return view;
		}

		private static final List<String> ORDER = List.of("LOW", "MODERATE", "HIGH", "SEVERE");

	}

	/** A what-if run as stored. */
	public record Run(UUID id, String candidateVersion, String activeVersion, String board, LocalDate from,
			LocalDate to, String status, int total, int processed, JsonNode report, String error, String startedBy,
			java.time.Instant startedAt, java.time.Instant finishedAt) {

		public int percent() {
			return total == 0 ? 100 : (int) Math.min(100, Math.round(100.0 * processed / total));
		}

		public boolean isRunning() {
			return "RUNNING".equals(status);
		}

	}

}
