package uk.nhs.equitylens.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.EquityLensApplication;
import uk.nhs.equitylens.rulebase.CandidateFolders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application (two Spring contexts, each with its own web server and port) on
 * one PostgreSQL, as behind a load balancer without sticky sessions: every request goes to the
 * other instance than the one before, with HTTP Basic and no cookies. What one instance does, the
 * other sees; races between them are settled by the database (optimistic locking, the audit head's
 * row lock); a what-if run is followed and cancelled from either, and one whose instance stops is
 * not left RUNNING; a rulebase activated on one is served by both, and by an instance started later.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

	/** How often a running what-if says it is alive, and after how long without that it counts as interrupted. */
	private static final String HEARTBEAT = "--equitylens.whatif.heartbeat-interval=250ms";

	private static final String INTERRUPTED_AFTER = "--equitylens.whatif.interrupted-after=5s";

	/** How often each instance looks for a rulebase activated on another. */
	private static final String RULEBASE_SYNC = "--equitylens.rulebase.sync-interval=250ms";

	private static EmbeddedPostgres postgres;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static JdbcTemplate jdbc;

	private static JsonMapper json;

	private static boolean bulkLoaded;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void twoInstancesOnOneDatabase() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		// both start at once on an empty database: Flyway's lock lets one migrate while the other waits,
		// and both create (or find) the demo accounts
		CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(() -> start("a"));
		CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(() -> start("b"));
		a = first.get();
		b = second.get();
		jdbc = a.getBean(JdbcTemplate.class);
		json = a.getBean(JsonMapper.class);
	}

	@AfterAll
	static void stop() throws IOException {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { a, b }) {
			if (context != null) {
				context.close();
			}
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	private static ConfigurableApplicationContext start(String name) {
		return new SpringApplicationBuilder(EquityLensApplication.class).profiles("postgres")
			.run("--server.port=0", "--spring.main.banner-mode=off", "--spring.application.name=equity-lens-" + name,
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=", HEARTBEAT,
					INTERRUPTED_AFTER, RULEBASE_SYNC);
	}

	@Test
	void bothInstancesStartOnOneDatabaseMigratedOnceWithOneSetOfAccounts() {
		List<String> versions = jdbc.queryForList(
				"select version from flyway_schema_history where success and version is not null order by installed_rank",
				String.class);
		assertThat(versions).doesNotHaveDuplicates().contains("1", "8", "9");
		// the rules folder was recorded as deployed once, though both found the table empty
		assertThat(jdbc.queryForList("select activated_by from rulebase_activation where source = 'DEPLOYED'",
				String.class)).containsExactly("deployment");
		assertThat(jdbc.queryForList("select username from app_user", String.class)).doesNotHaveDuplicates()
			.contains("ambassador", "board.member", "governance");
		assertThat(port(a)).isNotEqualTo(port(b));
	}

	@Test
	void submissionsAndDecisionsAlternateBetweenInstancesWithoutASession() throws Exception {
		for (int i = 0; i < 4; i++) {
			ConfigurableApplicationContext one = i % 2 == 0 ? a : b;
			ConfigurableApplicationContext other = one == a ? b : a;
			HttpResponse<String> submitted = send(one, "ambassador", "POST", "/api/assessments?submit=true",
					example("Alternating " + i).toString());
			assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
			assertThat(submitted.headers().allValues("Set-Cookie")).isEmpty();
			String id = json.readTree(submitted.body()).get("id").asString();

			HttpResponse<String> read = send(other, "board.member", "GET", "/api/assessments/" + id, null);
			assertThat(read.statusCode()).isEqualTo(200);
			assertThat(read.headers().allValues("Set-Cookie")).isEmpty();
			long version = json.readTree(read.body()).get("version").asLong();

			HttpResponse<String> decided = send(one, "board.member", "POST", "/api/assessments/" + id + "/decisions",
					decision(version));
			assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
			assertThat(decided.headers().allValues("Set-Cookie")).isEmpty();

			JsonNode seen = json.readTree(send(other, "ambassador", "GET", "/api/assessments/" + id, null).body());
			assertThat(seen.get("status").asString()).isEqualTo("CHANGES_REQUESTED");
			assertThat(json.readTree(send(other, "board.member", "GET", "/api/assessments/" + id + "/decisions", null)
				.body())).hasSize(1);
		}
		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri(b, "/api/assessments")).build(),
				BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void theSameDecisionSentToBothInstancesAtOnceIsStoredOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int i = 0; i < 6; i++) {
				String id = json.readTree(send(a, "ambassador", "POST", "/api/assessments?submit=true",
						example("Raced " + i).toString()).body()).get("id").asString();
				long version = json.readTree(send(b, "board.member", "GET", "/api/assessments/" + id, null).body())
					.get("version").asLong();
				String body = decision(version);
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<Integer>> statuses = new ArrayList<>();
				for (ConfigurableApplicationContext instance : List.of(a, b)) {
					statuses.add(pool.submit(() -> {
						together.await();
						return send(instance, "board.member", "POST", "/api/assessments/" + id + "/decisions", body)
							.statusCode();
					}));
				}
				assertThat(List.of(statuses.get(0).get(), statuses.get(1).get())).containsExactlyInAnyOrder(201, 409);
				assertThat(jdbc.queryForObject("select count(*) from decision where assessment_id = ?", Integer.class,
						UUID.fromString(id))).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** First, so that it is also the first evaluations of a fresh deployment, on both instances at once. */
	@Test
	@Order(1)
	void submissionsFromManyThreadsThroughBothInstancesKeepOneValidAuditChain() throws Exception {
		int threads = 8;
		int each = 5;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CyclicBarrier together = new CyclicBarrier(threads);
			List<Future<List<Integer>>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				ConfigurableApplicationContext instance = t % 2 == 0 ? a : b;
				int thread = t;
				results.add(pool.submit(() -> {
					together.await();
					List<Integer> statuses = new ArrayList<>();
					for (int i = 0; i < each; i++) {
						statuses.add(send(instance, "ambassador", "POST", "/api/assessments?submit=true",
								example("Audit " + thread + "." + i).toString()).statusCode());
					}
					return statuses;
				}));
			}
			for (Future<List<Integer>> result : results) {
				assertThat(result.get()).containsOnly(201);
			}
		}
		finally {
			pool.shutdownNow();
		}
		// evaluations and decisions of assessments that went through the application (not the bulk-loaded ones)
		long expected = jdbc.queryForObject("""
				select (select count(*) from evaluation e join assessment s on s.id = e.assessment_id
				        where coalesce(s.created_by, '') <> 'bulk-load')
				     + (select count(*) from decision)
				""", Long.class);
		for (ConfigurableApplicationContext instance : List.of(a, b)) {
			JsonNode verified = json.readTree(send(instance, "governance", "GET", "/api/audit/verify", null).body());
			assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
			assertThat(verified.get("entries").asLong()).isEqualTo(expected);
		}
	}

	@Test
	void aCandidateCheckedOnOneInstanceRunsFromTheOtherAndIsFollowedAndCancelledFromEither(@TempDir Path temp)
			throws Exception {
		for (int i = 0; i < 3; i++) {
			ObjectNode document = example("What-if " + i);
			// monitored by deprivation and ethnicity: below SEVERE today, so weighing HIGH findings more shows
			((ObjectNode) document.get("monitoring")).put("planned", true).put("byDeprivation", true)
				.put("byEthnicity", true);
			assertThat(send(i % 2 == 0 ? a : b, "ambassador", "POST", "/api/assessments?submit=true",
					document.toString()).statusCode()).isEqualTo(201);
		}
		Path folder = CandidateFolders.changed(temp.resolve("candidate"), "HIGH,10,",
				"HIGH,40,", example("Candidate scenario"), json);
		HttpResponse<String> checked = send(a, "governance", "POST", "/api/rulebase/candidates",
				json.createObjectNode().put("folder", folder.toAbsolutePath().toString()).toString());
		assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);
		String candidate = json.readTree(checked.body()).get("version").asString();

		// the whole PLANNED_CARE history: started on B, with a candidate B has never compiled, followed on A
		String done = startWhatIf(b, candidate, "PLANNED_CARE");
		JsonNode finished = waitFor(a, done, run -> !run.get("status").asString().equals("RUNNING"));
		assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("DONE");
		assertThat(finished.get("processed").asInt()).isEqualTo(finished.get("total").asInt()).isPositive();
		assertThat(finished.get("report").get("changed").asInt()).isPositive();
		assertThat(json.readTree(send(b, "governance", "GET", "/api/whatif/" + done, null).body()).get("report"))
			.isEqualTo(finished.get("report"));
		HttpResponse<String> csv = send(a, "governance", "GET", "/api/whatif/" + done + "/report.csv", null);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("assessment_id,title,board").contains("What-if 1");

		// a long run started on A, seen progressing from B and cancelled from B
		bulkLoad(1500);
		String long_ = startWhatIf(a, candidate, null);
		JsonNode progressing = waitFor(b, long_, run -> run.get("processed").asInt() > 0);
		assertThat(progressing.get("status").asString()).isEqualTo("RUNNING");
		assertThat(send(b, "governance", "POST", "/api/whatif/" + long_ + "/cancel", null).statusCode()).isEqualTo(200);
		JsonNode cancelled = waitFor(b, long_, run -> !run.get("status").asString().equals("RUNNING"));
		assertThat(cancelled.get("status").asString()).as(cancelled.toString()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("processed").asInt()).isLessThan(cancelled.get("total").asInt());
		assertThat(cancelled.get("report").get("assessed").asInt()).isPositive();
	}

	@Test
	void aRulebaseActivatedOnOneInstanceIsServedByTheOtherAndByAnInstanceStartedAfterwards(@TempDir Path temp)
			throws Exception {
		String original = rulebaseVersion(a);
		assertThat(rulebaseVersion(b)).isEqualTo(original);
		assertThat(jdbc.queryForList("select source from rulebase_activation where version = ?", String.class, original))
			.containsExactly("DEPLOYED");
		// the same rules with a reviewed comment: a new version that passes every scenario
		Path folder = CandidateFolders.changed(temp.resolve("reviewed"), "// Rating: harm findings",
				"// Reviewed 2026. Rating: harm findings", example("Reviewed scenario"), json);
		HttpResponse<String> checked = send(a, "governance", "POST", "/api/rulebase/candidates",
				json.createObjectNode().put("folder", folder.toAbsolutePath().toString()).toString());
		assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);
		String reviewed = json.readTree(checked.body()).get("version").asString();
		assertThat(reviewed).isNotEqualTo(original);

		HttpResponse<String> activated = send(a, "admin", "POST", "/api/rulebase/candidates/" + reviewed + "/activate",
				null);
		assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
		assertThat(rulebaseVersion(a)).isEqualTo(reviewed);
		waitForRulebase(b, reviewed);
		HttpResponse<String> submitted = send(b, "ambassador", "POST", "/api/assessments?submit=true",
				example("Under the reviewed rules").toString());
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		assertThat(json.readTree(submitted.body()).get("evaluations").get(0).get("rulebaseVersion").asString())
			.isEqualTo(reviewed);
		HttpResponse<String> dryRun = send(b, "ambassador", "POST", "/api/assessments/evaluate",
				example("Dry run under the reviewed rules").toString());
		assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
		assertThat(json.readTree(dryRun.body()).get("rulebaseVersion").asString()).isEqualTo(reviewed);
		// audited once, by the instance that took the request
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where kind = 'RULEBASE_ACTIVATED' and rulebase_version = ?",
				Integer.class, reviewed)).isEqualTo(1);
		assertThat(jdbc.queryForMap(
				"select version, activated_by, source from rulebase_activation order by seq desc fetch first 1 rows only"))
			.containsEntry("version", reviewed).containsEntry("activated_by", "admin").containsEntry("source", "ACTIVATED");

		// restarted with the same rules folder: the administrator's activation still serves
		int recorded = jdbc.queryForObject("select count(*) from rulebase_activation", Integer.class);
		ConfigurableApplicationContext c = start("c");
		try {
			assertThat(rulebaseVersion(c)).isEqualTo(reviewed);
		}
		finally {
			c.close();
		}
		assertThat(jdbc.queryForObject("select count(*) from rulebase_activation", Integer.class)).isEqualTo(recorded);

		// and back to the deployed rules, activated this time on B
		HttpResponse<String> rechecked = send(b, "admin", "POST", "/api/rulebase/candidates",
				json.createObjectNode().put("folder", Path.of("rules").toAbsolutePath().toString()).toString());
		assertThat(json.readTree(rechecked.body()).get("version").asString()).isEqualTo(original);
		assertThat(send(b, "admin", "POST", "/api/rulebase/candidates/" + original + "/activate", null).statusCode())
			.isEqualTo(200);
		waitForRulebase(a, original);
	}

	private String rulebaseVersion(ConfigurableApplicationContext instance) throws Exception {
		HttpResponse<String> response = send(instance, "governance", "GET", "/api/rulebase", null);
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body()).get("version").asString();
	}

	/** Within a few sync intervals; the test waits up to half a minute and never asserts how long it took. */
	private void waitForRulebase(ConfigurableApplicationContext instance, String version) throws Exception {
		String serving = null;
		for (int i = 0; i < 600; i++) {
			serving = rulebaseVersion(instance);
			if (serving.equals(version)) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the instance still serves " + serving + ", not " + version);
	}

	@Test
	void aRunWhoseInstanceStopsMidwayIsShownInterruptedByTheOther() throws Exception {
		bulkLoad(1500);
		ConfigurableApplicationContext c = start("c");
		String id;
		try {
			// the active rulebase against itself: the run's work, not the candidate, is what matters here
			String active = json.readTree(send(c, "governance", "GET", "/api/rulebase", null).body()).get("version")
				.asString();
			id = startWhatIf(c, active, null);
			Timestamp firstBeat = heartbeat(id);
			// the heartbeat moves on while the run is going
			JsonNode running = waitFor(a, id, run -> heartbeat(run.get("id").asString()).after(firstBeat));
			assertThat(running.get("status").asString()).isEqualTo("RUNNING");
			assertThat(running.get("processed").asInt()).isLessThan(running.get("total").asInt());
		}
		finally {
			c.close();
		}
		JsonNode interrupted = waitFor(b, id, run -> !run.get("status").asString().equals("RUNNING"));
		assertThat(interrupted.get("status").asString()).as(interrupted.toString()).isEqualTo("INTERRUPTED");
		assertThat(interrupted.get("error").asString()).contains("stopped");
		assertThat(interrupted.get("processed").asInt()).isLessThan(interrupted.get("total").asInt());
	}

	@Test
	void aRunLeftRunningByAnInstanceThatDiedIsInterruptedOnceItsHeartbeatIsOld() throws Exception {
		// what an instance killed mid-run leaves behind: RUNNING, with a heartbeat nobody renews
		UUID dead = UUID.randomUUID();
		UUID alive = UUID.randomUUID();
		for (UUID id : List.of(dead, alive)) {
			jdbc.update("""
					insert into whatif_run (id, candidate_version, active_version, status, total, processed,
					    cancel_requested, started_by, started_at, heartbeat_at, instance)
					values (?, 'sha256:gone', 'sha256:active', 'RUNNING', 500, 120, false, 'governance',
					    current_timestamp - interval '1 hour', current_timestamp - ?::interval, 'killed-host')
					""", id, id == dead ? "1 hour" : "0 seconds");
		}

		JsonNode shown = json.readTree(send(a, "governance", "GET", "/api/whatif/" + dead, null).body());
		assertThat(shown.get("status").asString()).isEqualTo("INTERRUPTED");
		assertThat(shown.get("error").asString()).contains("killed-host");
		assertThat(json.readTree(send(b, "governance", "GET", "/api/whatif/" + alive, null).body()).get("status")
			.asString()).isEqualTo("RUNNING");

		// the sweep on either instance records it, and the one nobody renews follows once it is old
		waitForRow(dead, "INTERRUPTED");
		waitForRow(alive, "INTERRUPTED");
		assertThat(send(b, "governance", "POST", "/api/whatif/" + dead + "/cancel", null).statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select status from whatif_run where id = ?", String.class, dead))
			.isEqualTo("INTERRUPTED");
	}

	private void waitForRow(UUID id, String status) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			if (status.equals(jdbc.queryForObject("select status from whatif_run where id = ?", String.class, id))) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("what-if run " + id + " was not recorded " + status);
	}

	private static Timestamp heartbeat(String id) {
		return jdbc.queryForObject("select heartbeat_at from whatif_run where id = ?", Timestamp.class,
				UUID.fromString(id));
	}

	/**
	 * Copies one submitted assessment and its evaluation {@code count} times straight into the database
	 * (as a data import would), so that a what-if run has enough to do to be caught midway.
	 */
	private void bulkLoad(int count) throws Exception {
		if (bulkLoaded) {
			return;
		}
		bulkLoaded = true;
		String template = json.readTree(send(a, "ambassador", "POST", "/api/assessments?submit=true",
				example("Bulk template").toString()).body()).get("id").asString();
		List<Object[]> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(new Object[] { UUID.randomUUID(), "Bulk " + i, UUID.fromString(template) });
		}
		jdbc.batchUpdate("""
				insert into assessment (id, board, title, status, form_version, answers, version, created_at,
				    updated_at, submitted_at, created_by)
				select ?, 'MENTAL_HEALTH', ?, status, form_version, answers, 0, created_at, updated_at, submitted_at,
				    'bulk-load'
				from assessment where id = ?
				""", ids);
		jdbc.batchUpdate("""
				insert into evaluation (id, assessment_id, sequence, reason, document, form_version, rulebase_version,
				    rating, residual_rating, score, residual_score, fired_rules, result, evaluated_at)
				select gen_random_uuid(), ?, sequence, reason, document, form_version, rulebase_version, rating,
				    residual_rating, score, residual_score, fired_rules, result, evaluated_at
				from evaluation where assessment_id = ?
				""", ids.stream().map(row -> new Object[] { row[0], row[2] }).toList());
	}

	private String startWhatIf(ConfigurableApplicationContext instance, String candidate, String board)
			throws Exception {
		ObjectNode start = json.createObjectNode().put("candidate", candidate);
		if (board != null) {
			start.put("board", board);
		}
		HttpResponse<String> started = send(instance, "governance", "POST", "/api/whatif", start.toString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		return json.readTree(started.body()).get("id").asString();
	}

	private JsonNode waitFor(ConfigurableApplicationContext instance, String id, Predicate<JsonNode> condition)
			throws Exception {
		JsonNode run = null;
		for (int i = 0; i < 1200; i++) {
			HttpResponse<String> response = send(instance, "governance", "GET", "/api/whatif/" + id, null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			run = json.readTree(response.body());
			if (condition.test(run)) {
				return run;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("what-if run " + id + " never got there: " + run);
	}

	private static String decision(long version) {
		return json.createObjectNode().put("decision", "CHANGES_REQUESTED")
			.put("reason", "Keep a phone route and monitor by deprivation").put("version", version).toString();
	}

	private ObjectNode example(String title) {
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			return ((ObjectNode) json.readTree(in)).put("title", title);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
	}

	private static URI uri(ConfigurableApplicationContext instance, String path) {
		return URI.create("http://localhost:" + port(instance) + path);
	}

	private HttpResponse<String> send(ConfigurableApplicationContext instance, String user, String method, String path,
			String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(instance, path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

}
