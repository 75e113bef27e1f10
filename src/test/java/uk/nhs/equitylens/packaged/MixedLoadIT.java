package uk.nhs.equitylens.packaged;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app under a mixed load: 32 clients for 60 s evaluating, submitting, reading the review
 * queue, deciding, reading the governance dashboard and exporting (board paper PDF, what-if CSV), on
 * the embedded H2 file database. Every answer must be the expected one (no 5xx, no 409: each
 * deciding client decides only the assessments it submitted, so no two clients ever race on one),
 * the connection pool must never time out a request, and the heap after a full collection must not
 * have grown beyond a margin. Throughput and latency are printed, never asserted.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MixedLoadIT {

	private static final int CLIENTS = 32;

	private static final Duration LOAD = Duration.ofSeconds(60);

	/**
	 * How much the heap in use after a full GC may grow over the load: 64 MiB, an eighth of the 512 MiB
	 * maximum. Bounded caches fill during the first minute and legitimately keep what they hold: H2's
	 * page cache (16 MiB by default) over a database that grows by some thousand rows, Hibernate's
	 * query plan cache, the what-if's rebuilt-rulebase cache, and Tomcat's pool growing from 10 to 32+
	 * worker threads with their buffers. Something kept per request (a session, a cached result,
	 * a listener) over the ~10,000+ requests of the load would pass it; G1's own noise after a
	 * {@code GC.run} is a few MiB.
	 */
	private static final long HEAP_MARGIN_KIB = 64 * 1024;

	private static final String AMBASSADOR = "ambassador";

	private static final String BOARD_MEMBER = "board.member";

	private static final String GOVERNANCE = "governance";

	@TempDir
	Path temp;

	private final Map<String, Stats> stats = new ConcurrentHashMap<>();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	private final List<String> submitted = new CopyOnWriteArrayList<>(); // ids, for the board paper

	@Test
	void thirtyTwoClientsForAMinuteGetOnlyExpectedAnswersWithoutPoolTimeoutsOrHeapGrowth() throws Exception {
		try (PackagedApp app = PackagedApp.start("mixed-load", temp.resolve("data"),
				List.of("--management.endpoints.web.exposure.include=health,info,metrics"))) {
			Api api = new Api(app, Duration.ofSeconds(60));
			assertThat(api.get(GOVERNANCE, "/actuator/metrics/hikaricp.connections.pending").status())
				.as("governance reads the pool metrics").isEqualTo(200);
			assertThat(api.get("admin", "/actuator/metrics/hikaricp.connections.pending").status())
				.as("so does the administrator").isEqualTo(200);
			assertThat(api.get(AMBASSADOR, "/actuator/metrics/hikaricp.connections.pending").status())
				.as("an ambassador does not").isEqualTo(403);
			assertThat(api.get("nobody", "/actuator/metrics").status()).as("nor an unknown caller").isEqualTo(401);
			String rulebase = api.get(GOVERNANCE, "/api/rulebase").json().get("version").asString();

			// warm-up: every kind of request a few times, then what remains after a full GC is the baseline
			Client warmUp = new Client(api, 0, rulebase);
			for (int i = 0; i < 3; i++) {
				for (Kind kind : Kind.values()) {
					warmUp.once(kind);
				}
			}
			assertThat(failures).as("answers during the warm-up").isEmpty();
			stats.clear();
			long heapBefore = app.usedHeapAfterFullGc();

			PoolWatch pool = new PoolWatch(api);
			ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
			long started = System.nanoTime();
			long until = started + LOAD.toNanos();
			List<Future<?>> running = new ArrayList<>();
			try {
				running.add(threads.submit(() -> pool.watch(until)));
				for (int c = 0; c < CLIENTS; c++) {
					Client client = new Client(api, c + 1, rulebase);
					running.add(threads.submit(() -> client.run(until)));
				}
				for (Future<?> future : running) {
					future.get(LOAD.toSeconds() + 120, TimeUnit.SECONDS);
				}
			}
			finally {
				threads.shutdownNow();
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			pool.readTimeouts();
			long heapAfter = app.usedHeapAfterFullGc();
			Api.Response verify = api.get(GOVERNANCE, "/api/audit/verify");

			long total = stats.values().stream().mapToLong(s -> s.latencies.size()).sum();
			StringBuilder out = new StringBuilder("%nMixed load on the packaged app (embedded H2 file database), %d clients for %.1f s:%n"
				.formatted(CLIENTS, seconds));
			out.append("  %-44s %7s %6s %8s %8s %8s %8s%n".formatted("endpoint", "count", "errors", "p50 ms", "p95 ms",
					"p99 ms", "max ms"));
			new TreeMap<>(stats).forEach((endpoint, s) -> out.append(s.line(endpoint)));
			out.append("  total %d requests, %.1f requests/s (not asserted: throughput is the benchmarks' business)%n"
				.formatted(total, total / seconds));
			out.append("  heap used after full GC: before %d KiB, after %d KiB (growth %+d KiB, margin %d KiB)%n"
				.formatted(heapBefore, heapAfter, heapAfter - heapBefore, HEAP_MARGIN_KIB));
			out.append("  connection pool: max pending %.0f, max active %.0f, timeouts %.0f (%d polls)%n"
				.formatted(pool.maxPending, pool.maxActive, pool.timeouts, pool.polls.get()));
			out.append("  audit chain: %s%n".formatted(verify.body()));
			System.out.print(out);

			assertThat(failures).as("unexpected answers (log %s)", app.log()).isEmpty();
			assertThat(pool.errors).as("reading the pool metrics").isEmpty();
			assertThat(pool.polls.get()).as("pool metric polls").isPositive();
			assertThat(pool.timeouts).as("connection requests that timed out waiting for the pool").isZero();
			assertThat(heapAfter).as("heap used after a full GC, after the load (KiB); before: %d KiB", heapBefore)
				.isLessThanOrEqualTo(heapBefore + HEAP_MARGIN_KIB);
			assertThat(verify.json().get("valid").asBoolean()).as("audit chain %s", verify).isTrue();
			for (Kind kind : Kind.values()) {
				assertThat(stats).as("requests of every kind").containsKey(kind.endpoint);
			}
			app.stop();
		}
	}

	/** What one client does; client n does kind n mod the number of kinds, so each kind has several clients. */
	enum Kind {

		EVALUATE("POST /api/assessments/evaluate"), SUBMIT("POST /api/assessments?submit=true"),
		QUEUE("GET /api/reviews/queue"), DECIDE("POST /api/assessments/{id}/decisions"),
		DASHBOARD("GET /api/dashboard"), REPORT("GET /api/assessments/{id}/report.pdf"),
		WHATIF("POST /api/whatif + GET /api/whatif/{id}/report.csv");

		final String endpoint;

		Kind(String endpoint) {
			this.endpoint = endpoint;
		}

	}

	private final class Client {

		private final Api api;

		private final int number;

		private final String rulebase;

		private int sent;

		Client(Api api, int number, String rulebase) {
			this.api = api;
			this.number = number;
			this.rulebase = rulebase;
		}

		void run(long until) {
			// the what-if runs one at a time in the app (a single background worker): only one client starts them
			Kind kind = Kind.values()[number % Kind.values().length];
			if (kind == Kind.WHATIF && number != Kind.WHATIF.ordinal()) {
				kind = Kind.REPORT;
			}
			while (System.nanoTime() < until && failures.size() < 50) {
				once(kind);
			}
		}

		void once(Kind kind) {
			try {
				switch (kind) {
					case EVALUATE -> expect(kind, api.post(AMBASSADOR, "/api/assessments/evaluate", document("DIGITAL").toString()), 200);
					case SUBMIT -> submit(kind, sent % 2 == 0 ? "DIGITAL" : "PLANNED_CARE");
					case QUEUE -> expect(kind, api.get(BOARD_MEMBER, "/api/reviews/queue"), 200);
					case DECIDE -> decide();
					case DASHBOARD -> expect(kind, api.get(GOVERNANCE, "/api/dashboard"), 200);
					case REPORT -> report();
					case WHATIF -> whatIf();
				}
			}
			catch (IOException ex) {
				failures.add(kind.endpoint + ": " + ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failures.add(kind.endpoint + ": interrupted");
			}
		}

		private ObjectNode document(String board) {
			ObjectNode document = Api.example("Mixed load " + number + "-" + (sent++));
			document.put("board", board);
			return document;
		}

		private JsonNode submit(Kind kind, String board) throws IOException, InterruptedException {
			Api.Response response = expect(kind, api.post(AMBASSADOR, "/api/assessments?submit=true",
					document(board).toString()), 201);
			if (response == null) {
				return null;
			}
			JsonNode body = response.json();
			submitted.add(body.get("id").asString());
			return body;
		}

		/**
		 * Submits an assessment of its own to PLANNED_CARE, finds it in the board member's queue with
		 * its version, and decides it: no other client knows its id, so a 409 here would be a defect.
		 */
		private void decide() throws IOException, InterruptedException {
			JsonNode mine = submit(Kind.SUBMIT, "PLANNED_CARE");
			if (mine == null) {
				return;
			}
			String id = mine.get("id").asString();
			Api.Response queue = expect(Kind.QUEUE, api.get(BOARD_MEMBER, "/api/reviews/queue"), 200);
			if (queue == null) {
				return;
			}
			Long version = null;
			for (JsonNode item : queue.json().get("waiting")) {
				if (item.get("id").asString().equals(id)) {
					version = item.get("version").asLong();
				}
			}
			if (version == null) {
				failures.add("GET /api/reviews/queue: submitted assessment " + id + " is not waiting in the queue");
				return;
			}
			ObjectNode decision = Api.JSON.createObjectNode().put("reason", "Mixed load test decision")
				.put("version", version);
			switch (sent % 3) {
				case 0 -> decision.put("decision", "REJECTED");
				case 1 -> decision.put("decision", "CHANGES_REQUESTED");
				default -> decision.put("decision", "APPROVED")
					.put("overrideJustification", "Mixed load test: approved against the lens on purpose");
			}
			expect(Kind.DECIDE, api.post(BOARD_MEMBER, "/api/assessments/" + id + "/decisions", decision.toString()), 201);
		}

		private void report() throws IOException, InterruptedException {
			if (submitted.isEmpty()) {
				submit(Kind.SUBMIT, "DIGITAL");
				return;
			}
			String id = submitted.get(Math.floorMod(number * 7919 + sent++, submitted.size()));
			Api.Response pdf = expect(Kind.REPORT, api.get(AMBASSADOR, "/api/assessments/" + id + "/report.pdf"), 200);
			if (pdf != null && !new String(pdf.bytes(), 0, Math.min(5, pdf.bytes().length), StandardCharsets.US_ASCII)
				.equals("%PDF-")) {
				failures.add(Kind.REPORT.endpoint + ": not a PDF (" + pdf.contentType() + ")");
			}
		}

		/** A what-if of the active rulebase over DIGITAL's assessments, followed to the end, and its CSV. */
		private void whatIf() throws IOException, InterruptedException {
			String request = Api.JSON.createObjectNode().put("candidate", rulebase).put("board", "DIGITAL").toString();
			Api.Response started = expect(Kind.WHATIF, api.post(GOVERNANCE, "/api/whatif", request), 202);
			if (started == null) {
				return;
			}
			String id = started.json().get("id").asString();
			for (int i = 0; i < 600; i++) {
				Api.Response run = expect(Kind.WHATIF, api.get(GOVERNANCE, "/api/whatif/" + id), 200);
				if (run == null) {
					return;
				}
				String status = run.json().get("status").asString();
				if (status.equals("DONE")) {
					Api.Response csv = expect(Kind.WHATIF, api.get(GOVERNANCE, "/api/whatif/" + id + "/report.csv"), 200);
					if (csv != null && !csv.contentType().startsWith("text/csv")) {
						failures.add(Kind.WHATIF.endpoint + ": CSV came as " + csv.contentType());
					}
					return;
				}
				if (!status.equals("RUNNING")) {
					failures.add(Kind.WHATIF.endpoint + ": run ended " + run);
					return;
				}
				Thread.sleep(200);
			}
			failures.add(Kind.WHATIF.endpoint + ": run " + id + " still RUNNING after 600 polls");
		}

		private Api.Response expect(Kind kind, Api.Response response, int status) {
			stats.computeIfAbsent(kind.endpoint, k -> new Stats()).add(response, status);
			if (response.status() != status) {
				failures.add(kind.endpoint + ": expected " + status + ", got " + response);
				return null;
			}
			return response;
		}

	}

	/** Count, errors and latencies of one endpoint. */
	private static final class Stats {

		final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());

		final AtomicInteger errors = new AtomicInteger();

		final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

		void add(Api.Response response, int expected) {
			latencies.add(response.millis());
			statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
			if (response.status() != expected) {
				errors.incrementAndGet();
			}
		}

		String line(String endpoint) {
			List<Double> sorted;
			synchronized (latencies) {
				sorted = new ArrayList<>(latencies);
			}
			Collections.sort(sorted);
			return "  %-44s %7d %6d %8.0f %8.0f %8.0f %8.0f  %s%n".formatted(endpoint, sorted.size(), errors.get(),
					percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
					sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), new TreeMap<>(statuses));
		}

		private static double percentile(List<Double> sorted, int p) {
			return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
		}

	}

	/** Polls Hikari's pending and timeout metrics while the load runs. */
	private static final class PoolWatch {

		private final Api api;

		volatile double maxPending;

		volatile double maxActive;

		volatile double timeouts;

		final AtomicLong polls = new AtomicLong();

		final List<String> errors = new CopyOnWriteArrayList<>();

		PoolWatch(Api api) {
			this.api = api;
		}

		void watch(long until) {
			try {
				do {
					// pending at every poll (each poll is a request on a busy machine);
					// the others, cumulative or less telling, every fourth
					maxPending = Math.max(maxPending, metric("hikaricp.connections.pending", "VALUE"));
					if (polls.incrementAndGet() % 4 == 1) {
						maxActive = Math.max(maxActive, metric("hikaricp.connections.active", "VALUE"));
						timeouts = Math.max(timeouts, metric("hikaricp.connections.timeout", "COUNT"));
					}
					Thread.sleep(250);
				}
				while (System.nanoTime() < until);
			}
			catch (IOException | RuntimeException ex) {
				errors.add(ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/** The timeout count is cumulative: read once more after the load, however sparse the polls were. */
		void readTimeouts() throws IOException, InterruptedException {
			timeouts = Math.max(timeouts, metric("hikaricp.connections.timeout", "COUNT"));
		}

		private double metric(String name, String statistic) throws IOException, InterruptedException {
			Api.Response response = api.get(GOVERNANCE, "/actuator/metrics/" + name);
			if (response.status() != 200) {
				throw new IllegalStateException("GET /actuator/metrics/" + name + ": " + response);
			}
			for (JsonNode measurement : response.json().get("measurements")) {
				if (measurement.get("statistic").asString().equals(statistic)) {
					return measurement.get("value").asDouble();
				}
			}
			throw new IllegalStateException(name + " has no " + statistic + ": " + response);
		}

	}

}
