package uk.nhs.equitylens.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import uk.nhs.equitylens.packaged.Api;
import uk.nhs.equitylens.packaged.PackagedApp;

/**
 * The app as a user meets it, measured with a real load generator ({@code wrk}) against the packaged
 * jar: time until ready, evaluate throughput against a trivial authenticated request, submissions
 * with persistence and audit (H2 file and PostgreSQL), and the form and result pages.
 */
final class HttpFigures {

	static final List<String> JVM = List.of("-Xmx1g");

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Path work;

	private final String proposal;

	HttpFigures(Path work) throws IOException {
		this.work = work;
		try (InputStream in = HttpFigures.class.getResourceAsStream("/proposals/proposal-example.json")) {
			this.proposal = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** {@code java -jar} until /actuator/health is UP: a first start (new database) and three restarts. */
	List<Figure> startup() throws Exception {
		Path data = Files.createDirectories(work.resolve("startup"));
		double first;
		try (PackagedApp app = PackagedApp.start("bench-startup", data, JVM, List.of())) {
			first = app.readyAfter().toNanos() / 1e9;
		}
		List<Double> restarts = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			try (PackagedApp app = PackagedApp.start("bench-startup", data, JVM, List.of())) {
				restarts.add(app.readyAfter().toNanos() / 1e9);
			}
		}
		double median = Stats.median(restarts);
		return List.of(new Figure("App ready from `java -jar` (rule compilation included), restart",
				Stats.spread(restarts, "%.2f", "s"), "≤ 6 s", median <= 6,
				Stats.format("process start to /actuator/health UP; first start on a new H2 database "
						+ "(migrations, demo accounts): %.2f s", first)));
	}

	/**
	 * POST /api/assessments/evaluate against GET /api/me, both over HTTP Basic, 64 connections,
	 * alternating in rounds of 10 s after a warm-up, in one app.
	 */
	List<Figure> evaluateAgainstTrivial() throws Exception {
		try (PackagedApp app = PackagedApp.start("bench-http", Files.createDirectories(work.resolve("http")), JVM,
				List.of())) {
			Map<String, String> auth = Map.of("Authorization", basic("ambassador"));
			Map<String, String> post = Map.of("Authorization", basic("ambassador"), "Content-Type",
					"application/json");
			URI evaluate = app.uri("/api/assessments/evaluate");
			URI me = app.uri("/api/me");
			Wrk.run(me, "GET", auth, null, 64, 10);
			Wrk.run(evaluate, "POST", post, proposal, 64, 10);
			List<Double> trivial = new ArrayList<>();
			List<Double> evaluated = new ArrayList<>();
			List<Double> p99 = new ArrayList<>();
			long errors = 0;
			for (int round = 0; round < 3; round++) {
				Wrk.Result a = Wrk.run(me, "GET", auth, null, 64, 10);
				Wrk.Result b = Wrk.run(evaluate, "POST", post, proposal, 64, 10);
				trivial.add(a.perSecond());
				evaluated.add(b.perSecond());
				p99.add(b.p99() / 1000.0);
				errors += a.non2xx() + a.socketErrors() + b.non2xx() + b.socketErrors();
			}
			List<Double> ratios = new ArrayList<>();
			for (int i = 0; i < trivial.size(); i++) {
				ratios.add(evaluated.get(i) / trivial.get(i));
			}
			double ratio = Stats.median(ratios);
			double p99Median = Stats.median(p99);
			String load = "wrk -t2 -c64, 3 alternating rounds of 10 s after 10 s warm-up each; errors " + errors;
			return List.of(
					new Figure("HTTP: evaluate throughput ÷ trivial authenticated JSON (GET /api/me)",
							Stats.spread(ratios, "%.2f", ""), "≥ 0.6", ratio >= 0.6 && errors == 0,
							Stats.format("evaluate %s req/s, /api/me %s req/s; %s",
									Stats.spread(evaluated, "%.0f", ""), Stats.spread(trivial, "%.0f", ""), load)),
					new Figure("HTTP: evaluate p99 at 64 connections", Stats.spread(p99, "%.1f", "ms"), "≤ 25 ms",
							p99Median <= 25 && errors == 0, load));
		}
	}

	/** POST /api/assessments?submit=true (validate, evaluate, store, audit) for 60 s, 8 connections. */
	Figure submissions(String database) throws Exception {
		Path data = Files.createDirectories(work.resolve("submit-" + database));
		if (database.equals("postgresql")) {
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(data.resolve("pg"))
				.setCleanDataDirectory(true)
				.start()) {
				String url = postgres.getJdbcUrl("postgres", "postgres");
				return submissions(database, data, List.of("--spring.profiles.active=postgres",
						"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
						"--spring.datasource.password="));
			}
		}
		return submissions(database, data, List.of());
	}

	private Figure submissions(String database, Path data, List<String> arguments) throws Exception {
		try (PackagedApp app = PackagedApp.start("bench-submit-" + database, data, JVM, arguments)) {
			Map<String, String> post = Map.of("Authorization", basic("ambassador"), "Content-Type",
					"application/json");
			URI submit = app.uri("/api/assessments?submit=true");
			Wrk.run(submit, "POST", post, proposal, 8, 10);
			Wrk.Result result = Wrk.run(submit, "POST", post, proposal, 8, 60);
			boolean chainValid = new Api(app, TIMEOUT).get("governance", "/api/audit/verify").expect(200).json()
				.path("valid")
				.asBoolean(false);
			long errors = result.non2xx() + result.socketErrors();
			double perSecond = result.perSecond();
			double p99 = result.p99() / 1000.0;
			return new Figure("Submit with persistence and audit, " + (database.equals("h2") ? "H2 file" : "PostgreSQL")
					+ ", sustained 60 s", Stats.format("%.0f /s, p99 %.1f ms (p50 %.1f ms)", perSecond, p99,
							result.p50() / 1000.0),
					"≥ 400 /s, p99 ≤ 50 ms", perSecond >= 400 && p99 <= 50 && errors == 0 && chainValid,
					Stats.format("wrk -t2 -c8 for 60 s after 10 s warm-up: %d submissions, %d errors; audit chain "
							+ "afterwards %s", result.requests(), errors, chainValid ? "valid" : "NOT VALID"));
		}
	}

	/** The form page and the result page, 16 connections on one signed-in session, p95 of 15 s each. */
	List<Figure> pages() throws Exception {
		try (PackagedApp app = PackagedApp.start("bench-pages", Files.createDirectories(work.resolve("pages")), JVM,
				List.of())) {
			Api api = new Api(app, TIMEOUT);
			String draft = api.post("ambassador", "/api/assessments", proposal).expect(201).json().get("id").asString();
			String submitted = api.post("ambassador", "/api/assessments?submit=true", proposal)
				.expect(201)
				.json()
				.get("id")
				.asString();
			Map<String, String> session = Map.of("Cookie", signIn(app, "ambassador"));
			List<Figure> figures = new ArrayList<>();
			for (String[] page : List.of(new String[] { "form page (Core20 section of a draft)", "/assessments/" + draft
					+ "/sections/core20" }, new String[] { "result page", "/assessments/" + submitted + "/result" })) {
				URI uri = app.uri(page[1]);
				Wrk.run(uri, "GET", session, null, 16, 10);
				Wrk.Result result = Wrk.run(uri, "GET", session, null, 16, 15);
				double p95 = result.p95() / 1000.0;
				long errors = result.non2xx() + result.socketErrors();
				figures.add(new Figure("Pages: " + page[0] + " at 16 concurrent users, p95",
						Stats.format("%.1f ms (p50 %.1f, p99 %.1f)", p95, result.p50() / 1000.0, result.p99() / 1000.0),
						"≤ 50 ms", p95 <= 50 && errors == 0,
						Stats.format("wrk -t2 -c16 for 15 s after 10 s warm-up, one signed-in session: %.0f pages/s, "
								+ "%d errors; latency seen by wrk on loopback (server time plus the loopback hop)",
								result.perSecond(), errors)));
			}
			return figures;
		}
	}

	static String basic(String username) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	/** Signs in through the sign-in form (CSRF token and all) and returns the session cookie. */
	private static String signIn(PackagedApp app, String username) throws IOException, InterruptedException {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		String login = browser.send(HttpRequest.newBuilder(app.uri("/login")).build(), BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the sign-in page");
		}
		String form = "username=" + username + "&password=demo&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		var response = browser.send(HttpRequest.newBuilder(app.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form))
			.build(), BodyHandlers.ofString());
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Sign-in as " + username + " failed: " + response.statusCode());
		}
		for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
			if (cookie.getName().equals("JSESSIONID")) {
				return "JSESSIONID=" + cookie.getValue();
			}
		}
		throw new IllegalStateException("No session cookie after signing in");
	}

}
