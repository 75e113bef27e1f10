package uk.nhs.equitylens.rulebase;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
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
 * range), read from the database a page at a time in id order (constant memory however large the
 * history) and evaluated on every processor, and compared with what is stored: ratings from/to, the assessments that change, rules
 * that would start or stop firing, required mitigations gained or lost, per board. Progress and the
 * report are kept in the database, so the page can be left and returned to from any instance, and
 * the run can be cancelled from any instance.
 *
 * <p>With several instances a run is worked on by the one that started it, which renews the run's
 * heartbeat every {@link WhatIfProperties#heartbeatInterval()}. A RUNNING run whose heartbeat is older
 * than {@link WhatIfProperties#interruptedAfter()} belongs to an instance that died: every instance
 * shows it as INTERRUPTED and sweeps it to that status, so no run stays RUNNING forever. An instance
 * that shuts down marks its own runs INTERRUPTED at once. Heartbeats and their age are the
 * database's time, so the instances' clocks need not agree.
 */
@Service
public class WhatIf {

	private static final Logger log = LoggerFactory.getLogger(WhatIf.class);

	/** Progress is written, and cancellation read, every this many assessments. */
	static final int STEP = 100;

	/** Assessments read per query. */
	static final int PAGE = 200;

	static final String RUNNING = "RUNNING";

	static final String INTERRUPTED = "INTERRUPTED";

	private final JdbcTemplate jdbc;

	private final RulebaseArchive archive;

	private final ActiveRulebase active;

	private final Assessor assessor;

	private final JsonMapper json;

	private final ProposalReader reader;

	private final Clock clock;

	/** Progress and changes are written in their own short transactions, visible at once to others. */
	private final TransactionTemplate writing;

	private final WhatIfProperties properties;

	/** Names this instance in the runs it works on: host, process id, and a random tag per application context. */
	private final String instance;

	private final ExecutorService runs = Executors.newFixedThreadPool(1, task -> {
		Thread thread = new Thread(task, "what-if");
		thread.setDaemon(true);
		return thread;
	});

	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "what-if-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	/** The runs this instance has started and not yet finished (queued or running). */
	private final Set<UUID> mine = ConcurrentHashMap.newKeySet();

	private volatile boolean stopping;

	WhatIf(JdbcTemplate jdbc, RulebaseArchive archive, ActiveRulebase active, Assessor assessor, JsonMapper json,
			Clock clock, PlatformTransactionManager transactions, WhatIfProperties properties) {
		this.properties = properties;
		this.instance = hostName() + ":" + ProcessHandle.current().pid() + ":"
				+ UUID.randomUUID().toString().substring(0, 8);
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

	@PostConstruct
	void startHeartbeat() {
		long every = properties.heartbeatInterval().toMillis();
		heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Shutting down: the run in hand stops at its next assessment and, like any run not yet started,
	 * is recorded INTERRUPTED, so that nobody waits for a run that no instance is working on.
	 */
	@PreDestroy
	void stop() {
		stopping = true;
		heartbeat.shutdownNow();
		runs.shutdown();
		try {
			if (!runs.awaitTermination(20, TimeUnit.SECONDS)) {
				runs.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (UUID id : mine) {
			finish(id, INTERRUPTED, "The instance running it (" + instance + ") stopped before the run began"
					+ " or finished; start it again.");
		}
	}

	/** Renews the heartbeat of this instance's runs, and sweeps runs whose instance has died. */
	private void beat() {
		try {
			for (UUID id : mine) {
				jdbc.update("update whatif_run set heartbeat_at = current_timestamp where id = ? and status = ?", id,
						RUNNING);
			}
			sweep();
		}
		catch (RuntimeException ex) {
			// a failed beat (the database briefly away) must not end the schedule: try again next time
			log.warn("What-if heartbeat failed; trying again in {}", properties.heartbeatInterval(), ex);
		}
	}

	/** Records as INTERRUPTED every RUNNING run whose heartbeat is too old, whichever instance ran it. */
	void sweep() {
		Timestamp now = jdbc.queryForObject("select current_timestamp", Timestamp.class);
		Timestamp cutoff = Timestamp.from(now.toInstant().minus(properties.interruptedAfter()));
		Map<UUID, String> stale = new java.util.LinkedHashMap<>();
		jdbc.query("select id, instance, heartbeat_at from whatif_run where status = ? and heartbeat_at < ?",
				row -> {
					stale.put(UUID.fromString(row.getString("id")),
							lostHeartbeat(row.getString("instance"), row.getTimestamp("heartbeat_at")));
				}, RUNNING, cutoff);
		stale.forEach((id, problem) -> {
			// only if still RUNNING and still old: another instance may have swept it, or it beat just now
			if (jdbc.update("""
					update whatif_run set status = ?, error = ?, finished_at = ?
					where id = ? and status = ? and heartbeat_at < ?
					""", INTERRUPTED, problem, now, id, RUNNING, cutoff) > 0) {
				log.warn("What-if run {}: {}", id, problem);
			}
		});
	}

	private static String lostHeartbeat(String instance, Timestamp heartbeat) {
		return "The instance running it (" + (instance == null ? "unknown" : instance)
				+ ") stopped: no heartbeat since " + heartbeat.toInstant() + ". Start the run again.";
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
				                        processed, cancel_requested, started_by, started_at, heartbeat_at, instance)
				values (?, ?, ?, ?, ?, ?, 'RUNNING', ?, 0, false, ?, ?, current_timestamp, ?)
				""", id, candidate.version(), active.rulebase().version(), filter.board(), date(from), date(to), total,
				user.username(), Timestamp.from(clock.instant()), instance);
		mine.add(id);
		runs.submit(() -> run(id, candidate, filter));
		return id;
	}

	/**
	 * A run as stored, except that a RUNNING run whose heartbeat is too old is shown INTERRUPTED at once
	 * (the next sweep records it so).
	 */
	public Run get(UUID id) {
		requireGovernance();
		List<Run> found = jdbc.query("select r.*, current_timestamp as seen_at from whatif_run r where r.id = ?",
				(row, i) -> {
					String status = row.getString("status");
					String error = row.getString("error");
					Timestamp heartbeat = row.getTimestamp("heartbeat_at");
					if (RUNNING.equals(status) && heartbeat != null && heartbeat.toInstant()
						.isBefore(row.getTimestamp("seen_at").toInstant().minus(properties.interruptedAfter()))) {
						status = INTERRUPTED;
						error = lostHeartbeat(row.getString("instance"), heartbeat);
					}
					return new Run(UUID.fromString(row.getString("id")), row.getString("candidate_version"),
							row.getString("active_version"), row.getString("board"),
							row.getDate("from_date") == null ? null : row.getDate("from_date").toLocalDate(),
							row.getDate("to_date") == null ? null : row.getDate("to_date").toLocalDate(), status,
							row.getInt("total"), row.getInt("processed"),
							row.getString("report") == null ? null : json.readTree(row.getString("report")), error,
							row.getString("started_by"), row.getTimestamp("started_at").toInstant(),
							row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant(),
							row.getString("instance"), heartbeat == null ? null : heartbeat.toInstant());
				}, id);
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
		Report report = new Report();
		AtomicInteger processed = new AtomicInteger();
		int[] read = { 0 };
		boolean[] cancelled = { false };
		Workers workers = new Workers(properties.threads());
		try {
			LensEngine engine = new LensEngine(candidate);
			// pages in primary-key order: each page an index range read, never a sort of the whole history
			Page page = new Page(List.of(), null, true);
			while (page.full() && !cancelled[0]) {
				page = page(filter, page.last());
				for (Row row : page.rows()) {
					if (cancelled[0]) {
						break;
					}
					if (stopping) {
						throw new Stopped("The instance running it (" + instance + ") stopped after " + processed.get()
								+ " assessments; start the run again.");
					}
					workers.submit(() -> {
						compare(id, report, row.id(), row.title(), row.board(), row.document(), row.formVersion(),
								row.result(), row.cumulative(), engine);
						processed.incrementAndGet();
					});
					read[0]++;
					if (read[0] % STEP == 0) {
						progress(id, processed.get(), report);
						Map<String, Object> state = writing.execute(s -> jdbc.queryForMap(
								"select cancel_requested, status from whatif_run where id = ?", id));
						cancelled[0] = Boolean.TRUE.equals(state.get("cancel_requested"));
						if (!RUNNING.equals(state.get("status"))) {
							// another instance found its heartbeat too old and recorded it INTERRUPTED
							throw new Stopped("Recorded " + state.get("status") + " by another instance.");
						}
					}
				}
			}
			workers.finish();
			progress(id, processed.get(), report);
			finish(id, cancelled[0] ? "CANCELLED" : "DONE", null);
		}
		catch (Stopped ex) {
			workers.stop();
			log.warn("What-if run {}: {}", id, ex.getMessage());
			progress(id, processed.get(), report);
			finish(id, INTERRUPTED, ex.getMessage());
		}
		catch (RuntimeException | Error ex) {
			// an Error too (a stack overflow in a rule, memory): the run is FAILED, not left RUNNING
			workers.stop();
			log.error("What-if run {} failed", id, ex);
			progress(id, processed.get(), report);
			finish(id, "FAILED", "The run stopped: " + ex.getClass().getSimpleName());
		}
		finally {
			workers.stop();
			mine.remove(id);
		}
	}

	/**
	 * The threads a run evaluates on, fed by the thread that reads the assessments. The queue is
	 * bounded (a few rows per thread), and when it is full the reader evaluates the row itself, so
	 * memory stays constant however many assessments there are. A worker's failure is raised in the
	 * reader at its next row, or at the end.
	 */
	private static final class Workers {

		private final ThreadPoolExecutor pool;

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		Workers(int threads) {
			AtomicInteger number = new AtomicInteger();
			this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
					new ArrayBlockingQueue<>(threads * 16), task -> {
						Thread thread = new Thread(task, "what-if-worker-" + number.incrementAndGet());
						thread.setDaemon(true);
						return thread;
					}, new ThreadPoolExecutor.CallerRunsPolicy());
		}

		void submit(Runnable work) {
			raise();
			pool.execute(() -> {
				try {
					work.run();
				}
				catch (RuntimeException | Error ex) {
					failure.compareAndSet(null, ex);
				}
			});
		}

		/** Waits for every row handed out to be evaluated. */
		void finish() {
			pool.shutdown();
			try {
				while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
					raise();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new Stopped("Interrupted while finishing.");
			}
			raise();
		}

		void stop() {
			pool.shutdownNow();
		}

		private void raise() {
			Throwable failed = failure.get();
			if (failed instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failed instanceof Error error) {
				throw error;
			}
		}


	}

	/**
	 * The next {@link #PAGE} assessments after {@code after} (in id order) with their latest
	 * evaluation: a range of the primary key, so the database neither sorts nor holds the whole
	 * history, and no transaction stays open for the length of the run.
	 */
	private Page page(Filter filter, UUID after) {
		List<Object> arguments = new ArrayList<>(List.of(filter.arguments()));
		if (after != null) {
			arguments.add(after);
		}
		// first the ids (the primary key's order, no text columns), then their latest evaluations: asked
		// as one join, H2 scanned every evaluation and sorted the whole history before the first row
		List<String> ids = jdbc.queryForList("select a.id from assessment a where " + filter.where()
				+ (after == null ? "" : " and a.id > ?") + " order by a.id fetch first " + PAGE + " rows only",
				String.class, arguments.toArray());
		if (ids.isEmpty()) {
			return new Page(List.of(), after, false);
		}
		String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
		List<Row> rows = jdbc.query("""
				select a.id, a.title, a.board, e.document, e.form_version, e.result, e.cumulative
				from assessment a join evaluation e on e.assessment_id = a.id
				where a.id in (""" + marks + """
				) and e.sequence = (select max(l.sequence) from evaluation l where l.assessment_id = a.id)""",
				(rs, i) -> new Row(rs.getString("id"), rs.getString("title"), rs.getString("board"),
						rs.getString("document"), rs.getString("form_version"), rs.getString("result"),
						rs.getString("cumulative")),
				ids.stream().map(UUID::fromString).toArray());
		return new Page(rows, UUID.fromString(ids.get(ids.size() - 1)), ids.size() == PAGE);
	}

	/** A page of assessments, the last id it covered, and whether more may follow. */
	private record Page(List<Row> rows, UUID last, boolean full) {
	}

	/**
	 * An assessment as a run reads it: its latest evaluation's document, stored result and stored
	 * cumulative context (JSON; null before it was counted).
	 */
	private record Row(String id, String title, String board, String document, String formVersion, String result,
			String cumulative) {
	}

	private void compare(UUID run, Report report, String assessmentId, String title, String board, String document,
			String formVersion, String stored, String cumulative, LensEngine engine) {
		AssessmentResult before = json.readValue(stored, AssessmentResult.class);
		AssessmentResult after;
		try {
			// with the context stored, so that a change the run shows is the candidate's and not other proposals'
			AssessmentResult.CumulativeContext context = cumulative == null ? AssessmentResult.CumulativeContext.NONE
					: json.readValue(cumulative, AssessmentResult.CumulativeContext.class);
			after = assessor.evaluate(reader.read(json.readTree(document)), formVersion, engine, context).result();
		}
		catch (RuntimeException ex) {
			report.failed();
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

	/** Progress and the end are written only while the run is RUNNING: a swept run keeps its INTERRUPTED. */
	private void progress(UUID id, int processed, Report report) {
		writing.executeWithoutResult(s -> jdbc.update(
				"update whatif_run set processed = ?, report = ? where id = ? and status = ?", processed,
				json.writeValueAsString(report.view()), id, RUNNING));
	}

	private void finish(UUID id, String status, String error) {
		writing.executeWithoutResult(s -> jdbc.update(
				"update whatif_run set status = ?, error = ?, finished_at = ? where id = ? and status = ?", status, error,
				Timestamp.from(clock.instant()), id, RUNNING));
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

	/** The run stops where it is: its instance is shutting down, or another instance has interrupted it. */
	private static final class Stopped extends RuntimeException {

		Stopped(String message) {
			super(message, null, false, false);
		}

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

		synchronized void failed() {
			failed++;
		}

		synchronized void add(String board, String from, String to, boolean isChanged, Set<String> started,
				Set<String> stopped, Set<String> gained, Set<String> lost) {
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

		/** A copy, so that it can be written while the workers go on adding. */
		synchronized Map<String, Object> view() {
			Map<String, Object> view = new java.util.LinkedHashMap<>();
			view.put("assessed", assessed);
			view.put("changed", changed);
			view.put("failed", failed);
			view.put("ratings", deepCopy(ratings));
			view.put("rulesStarted", new TreeMap<>(rulesStarted));
			view.put("rulesStopped", new TreeMap<>(rulesStopped));
			view.put("mitigationsGained", new TreeMap<>(mitigationsGained));
			view.put("mitigationsLost", new TreeMap<>(mitigationsLost));
			view.put("boards", deepCopy(boards));
			return view;
		}

		private static Map<String, Map<String, Integer>> deepCopy(Map<String, Map<String, Integer>> counts) {
			Map<String, Map<String, Integer>> copy = new TreeMap<>();
			counts.forEach((key, inner) -> copy.put(key, new TreeMap<>(inner)));
			return copy;
		}

		private static final List<String> ORDER = List.of("LOW", "MODERATE", "HIGH", "SEVERE");

	}

	/**
	 * A what-if run as stored: status RUNNING, DONE, CANCELLED, FAILED or INTERRUPTED (its instance
	 * stopped); {@code instance} is the one that works on it, {@code heartbeatAt} when it last said so.
	 */
	public record Run(UUID id, String candidateVersion, String activeVersion, String board, LocalDate from,
			LocalDate to, String status, int total, int processed, JsonNode report, String error, String startedBy,
			java.time.Instant startedAt, java.time.Instant finishedAt, String instance, java.time.Instant heartbeatAt) {

		public int percent() {
			return total == 0 ? 100 : (int) Math.min(100, Math.round(100.0 * processed / total));
		}

		public boolean isRunning() {
			return RUNNING.equals(status);
		}

	}

}
