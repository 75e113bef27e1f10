package uk.nhs.equitylens.packaged;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash in the middle of work loses nothing that was acknowledged and leaves nothing half-written.
 * The packaged app takes a stream of submissions from several clients and is killed with SIGKILL
 * at a random moment; restarted on the same database, every submission that got its 201 is there,
 * SUBMITTED, with its evaluation and that evaluation's audit entry, and the audit chain verifies.
 * Submissions in flight at the kill may be there or not, but only whole. Then, with the app stopped,
 * the database itself is asked for orphans: a submitted assessment without an evaluation, an
 * evaluation without its audit entry, an audit entry without its evaluation, a left-over draft.
 * <p>
 * Run on the embedded H2 file database (the default) and on PostgreSQL.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class CrashRecoveryIT {

	private static final int CLIENTS = 6;

	/** Throughput does not matter here, two starts per database do: C1 only starts sooner on two cores. */
	private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1");

	private static final String AMBASSADOR = "ambassador";

	private static final String GOVERNANCE = "governance";

	@TempDir
	Path temp;

	@Test
	void acknowledgedSubmissionsSurviveSigkillOnTheEmbeddedH2File() throws Exception {
		Path data = temp.resolve("data");
		CrashReport report = crashAndRecover("crash-h2", data, List.of());
		String url = "jdbc:h2:file:" + data.toAbsolutePath() + "/equity-lens";
		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			assertNothingHalfWritten(db, report);
		}
	}

	@Test
	void acknowledgedSubmissionsSurviveSigkillOnPostgresql() throws Exception {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
		try {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			CrashReport report = crashAndRecover("crash-postgres", temp.resolve("data"),
					List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
							"--spring.datasource.username=postgres", "--spring.datasource.password="));
			try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
				assertNothingHalfWritten(db, report);
			}
		}
		finally {
			// a timed-out test is interrupted, and pg_ctl stop would give up at once: stop it regardless
			boolean interrupted = Thread.interrupted();
			postgres.close();
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Streams submissions, kills the app after a random number of them were acknowledged (and a
	 * random moment more), restarts it on the same database and checks through the API.
	 */
	private CrashReport crashAndRecover(String name, Path data, List<String> args) throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		int killAfter = 15 + random.nextInt(20);
		long extraMillis = random.nextInt(400);
		Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id -> title
		Set<String> inFlight = ConcurrentHashMap.newKeySet(); // titles sent, no answer yet
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean killing = new AtomicBoolean();
		String prefix = "Crash " + name + " ";

		try (PackagedApp app = PackagedApp.start(name, data, QUICK_START, args)) {
			Api api = new Api(app, Duration.ofSeconds(60));
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			try {
				for (int c = 0; c < CLIENTS; c++) {
					int client = c;
					clients.submit(() -> submitUntilKilled(api, prefix + client + "-", acknowledged, inFlight, errors,
							killing));
				}
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
				while (acknowledged.size() < killAfter && errors.isEmpty() && System.nanoTime() < deadline) {
					Thread.sleep(5);
				}
				assertThat(errors).as("answers before the kill (log tail:%n%s)", app.logTail(30)).isEmpty();
				assertThat(acknowledged).as("acknowledged within 60 s").hasSizeGreaterThanOrEqualTo(killAfter);
				Thread.sleep(extraMillis);
				killing.set(true);
				app.kill();
			}
			finally {
				killing.set(true);
				clients.shutdown();
				if (!clients.awaitTermination(70, TimeUnit.SECONDS)) {
					clients.shutdownNow();
				}
			}
		}
		assertThat(errors).as("answers before the kill").isEmpty();
		Map<String, String> acked = Map.copyOf(acknowledged);
		Set<String> unanswered = Set.copyOf(inFlight);

		Map<String, String> found = new HashMap<>(); // id -> title
		try (PackagedApp app = PackagedApp.start(name, data, QUICK_START, args)) {
			Api api = new Api(app, Duration.ofSeconds(60));
			SoftAssertions softly = new SoftAssertions();
			for (JsonNode summary : all(api)) {
				String title = summary.get("title").asString();
				if (title.startsWith(prefix)) {
					found.put(summary.get("id").asString(), title);
				}
			}
			for (Map.Entry<String, String> ack : acked.entrySet()) {
				softly.assertThat(found).as("acknowledged submission %s (%s) after the restart", ack.getKey(), ack.getValue())
					.containsEntry(ack.getKey(), ack.getValue());
			}
			for (Map.Entry<String, String> there : found.entrySet()) {
				if (!acked.containsKey(there.getKey())) {
					softly.assertThat(unanswered).as("a submission that was never acknowledged must have been in flight")
						.contains(there.getValue());
				}
				assertWhole(api, there.getKey(), softly);
			}
			Api.Response verify = api.get(GOVERNANCE, "/api/audit/verify");
			softly.assertThat(verify.status()).as("GET /api/audit/verify: %s", verify).isEqualTo(200);
			softly.assertThat(verify.json().get("valid").asBoolean()).as("audit chain: %s", verify).isTrue();
			softly.assertThat(verify.json().get("entries").asLong()).as("audit entries: one per evaluation")
				.isEqualTo(found.size());
			softly.assertAll();
			app.stop();
		}
		long inFlightFound = found.keySet().stream().filter(id -> !acked.containsKey(id)).count();
		CrashReport report = new CrashReport(acked.size(), unanswered.size(), found.size(), inFlightFound);
		System.out.printf("%s: seed %d, killed (SIGKILL) after %d acknowledged + %d ms; acknowledged %d, in flight at "
				+ "the kill %d; after the restart found %d (%d acknowledged, %d of those in flight), all whole; audit "
				+ "chain valid%n", name, seed, killAfter, extraMillis, report.acknowledged(), report.inFlight(),
				report.found(), report.found() - report.inFlightFound(), report.inFlightFound());
		return report;
	}

	private static void submitUntilKilled(Api api, String titlePrefix, Map<String, String> acknowledged,
			Set<String> inFlight, List<String> errors, AtomicBoolean killing) {
		for (int n = 0; !killing.get(); n++) {
			String title = titlePrefix + n;
			inFlight.add(title);
			try {
				Api.Response response = api.post(AMBASSADOR, "/api/assessments?submit=true",
						Api.example(title).toString());
				if (response.status() == 201) {
					acknowledged.put(response.json().get("id").asString(), title);
					inFlight.remove(title);
				}
				else if (!killing.get()) {
					errors.add(title + ": " + response);
					return;
				}
			}
			catch (IOException ex) {
				if (!killing.get()) {
					errors.add(title + ": " + ex);
				}
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Every assessment, as governance sees them (all boards). */
	private static List<JsonNode> all(Api api) throws Exception {
		List<JsonNode> all = new ArrayList<>();
		for (int page = 0;; page++) {
			Api.Response response = api.get(GOVERNANCE, "/api/assessments?size=100&page=" + page);
			assertThat(response.status()).as("GET /api/assessments: %s", response).isEqualTo(200);
			JsonNode body = response.json();
			body.get("content").forEach(all::add);
			if (page + 1 >= body.get("totalPages").asInt()) {
				return all;
			}
		}
	}

	/** Submitted, with one evaluation, and that evaluation's audit entry. */
	private static void assertWhole(Api api, String id, SoftAssertions softly) throws Exception {
		Api.Response assessment = api.get(AMBASSADOR, "/api/assessments/" + id);
		softly.assertThat(assessment.status()).as("GET /api/assessments/%s: %s", id, assessment).isEqualTo(200);
		if (assessment.status() != 200) {
			return;
		}
		JsonNode body = assessment.json();
		softly.assertThat(body.get("status").asString()).as("%s status", id).isEqualTo("SUBMITTED");
		JsonNode evaluations = body.get("evaluations");
		softly.assertThat(evaluations.size()).as("%s evaluations", id).isEqualTo(1);
		if (evaluations.size() != 1) {
			return;
		}
		JsonNode evaluation = evaluations.get(0);
		// a whole result: rated, assured and versioned (the example is HIGH, SEVERE once the stream's
		// earlier submissions in the same areas add cumulative pressure)
		JsonNode result = evaluation.path("result");
		softly.assertThat(result.path("rating").asString()).as("%s rating", id).isIn("HIGH", "SEVERE");
		softly.assertThat(result.path("assurance").path("level").asString()).as("%s assurance", id)
			.isIn("STRONG", "ADEQUATE", "WEAK");
		softly.assertThat(result.path("rulebaseVersion").asString()).as("%s rulebase version", id).startsWith("sha256:");
		Api.Response audit = api.get(GOVERNANCE, "/api/assessments/" + id + "/audit");
		softly.assertThat(audit.status()).as("GET /api/assessments/%s/audit: %s", id, audit).isEqualTo(200);
		if (audit.status() != 200) {
			return;
		}
		List<String> evaluationIds = new ArrayList<>();
		audit.json().forEach(entry -> {
			if (entry.get("kind").asString().equals("EVALUATION")) {
				evaluationIds.add(entry.get("content").get("evaluationId").asString());
			}
		});
		softly.assertThat(evaluationIds).as("%s audit entries for its evaluation", id)
			.containsExactly(evaluation.get("id").asString());
	}

	/** With the app stopped, the database itself: no orphan on either side, no left-over draft. */
	private static void assertNothingHalfWritten(Connection db, CrashReport report) throws SQLException {
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(count(db, "select count(*) from assessment")).as("assessments").isEqualTo(report.found());
		softly.assertThat(count(db, "select count(*) from assessment where status <> 'SUBMITTED'"))
			.as("assessments not SUBMITTED (each was created and submitted in one request)")
			.isZero();
		softly.assertThat(count(db, """
				select count(*) from assessment a
				where not exists (select 1 from evaluation e where e.assessment_id = a.id)
				""")).as("assessments without an evaluation").isZero();
		softly.assertThat(count(db, """
				select count(*) from evaluation e
				where not exists (select 1 from audit_entry x where x.kind = 'EVALUATION'
				                  and x.assessment_id = e.assessment_id
				                  and x.content like '%' || cast(e.id as varchar(36)) || '%')
				""")).as("evaluations without their audit entry").isZero();
		softly.assertThat(count(db, """
				select count(*) from audit_entry x
				where x.kind = 'EVALUATION' and not exists (select 1 from evaluation e where e.assessment_id = x.assessment_id
				                  and x.content like '%' || cast(e.id as varchar(36)) || '%')
				""")).as("audit entries of an evaluation that is not stored").isZero();
		softly.assertThat(count(db, "select count(*) from audit_entry"))
			.as("audit entries")
			.isEqualTo(count(db, "select last_seq from audit_head where id = 1"));
		softly.assertAll();
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	record CrashReport(int acknowledged, int inFlight, int found, long inFlightFound) {
	}

}
