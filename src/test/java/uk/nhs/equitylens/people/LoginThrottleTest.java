package uk.nhs.equitylens.people;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in over real HTTP: a new session id at sign-in (session fixation), and throttling after
 * repeated failures for one username, for the sign-in form and HTTP Basic alike. The counts live in
 * the database; a locked username is refused even with the right password, an unknown username gets
 * exactly the same answers as a known one, and a successful sign-in starts the count again. Each
 * test uses usernames of its own, as the Spring context (and its database) is shared with others.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LoginThrottleTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String PASSWORD = "a-long-test-passphrase";

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void theSessionIdChangesAtSignIn() throws Exception {
		Client client = new Client();
		client.get("/login");
		String before = client.session().orElseThrow();

		HttpResponse<String> signedIn = client.signIn("ambassador", "demo");

		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
		String after = client.session().orElseThrow();
		assertThat(after).isNotEqualTo(before);
		assertThat(client.get("/").statusCode()).as("the new session is signed in").isEqualTo(200);
		Client planted = new Client();
		planted.cookies.getCookieStore().add(URI.create(base()), cookie(before));
		assertThat(planted.get("/").statusCode()).as("the id from before sign-in is worth nothing").isEqualTo(302);
	}

	@Test
	void fiveFailedSignInsLockTheFormForThatUsernameEvenWithTheRightPassword() throws Exception {
		String username = account();
		for (int i = 1; i <= 5; i++) {
			HttpResponse<String> failed = new Client().signIn(username, "wrong " + i);
			assertThat(failed.headers().firstValue("Location")).as("attempt %d", i).hasValue(base() + "/login?error");
		}

		Client client = new Client();
		HttpResponse<String> refused = client.signIn(username, PASSWORD);

		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location")).hasValue(base() + "/login?locked=15");
		HttpResponse<String> page = client.get("/login?locked=15");
		assertThat(page.body()).contains("nhsuk-error-summary", "Too many failed sign-in attempts. Try again in 15 minutes.")
			.doesNotContain("Enter a correct username and password");
		assertThat(client.get("/").statusCode()).as("not signed in").isEqualTo(302);
		assertThat(basic(username, PASSWORD, "/api/vocabulary").statusCode()).as("the API shares the lock").isEqualTo(429);
		assertThat(new Client().signIn("ambassador", "demo").headers().firstValue("Location"))
			.as("other usernames are not affected").hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));

		jdbc.update("update login_throttle set locked_until = ? where username = ?",
				java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), LoginThrottle.key(username));
		assertThat(new Client().signIn(username, PASSWORD).headers().firstValue("Location"))
			.as("after the lock").hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
	}

	@Test
	void fiveFailedBasicSignInsGet429ProblemWithRetryAfter() throws Exception {
		String username = account();
		for (int i = 1; i <= 5; i++) {
			assertThat(basic(username, "wrong " + i, "/api/vocabulary").statusCode()).as("attempt %d", i).isEqualTo(401);
		}

		HttpResponse<String> refused = basic(username, PASSWORD, "/api/vocabulary");

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isBetween(14 * 60L, 15 * 60L));
		JsonNode problem = json.readTree(refused.body());
		assertThat(problem.get("status").asInt()).isEqualTo(429);
		assertThat(problem.get("detail").asString()).isEqualTo("Too many failed sign-in attempts. Try again in 15 minutes.");
		assertThat(new Client().signIn(username, PASSWORD).headers().firstValue("Location"))
			.as("the form shares the lock").hasValue(base() + "/login?locked=15");
	}

	@Test
	void noSpellingOfTheHeaderOrThePathEscapesALock() throws Exception {
		String username = account();
		for (int i = 1; i <= 5; i++) {
			basic(username, "wrong " + i, "/api/vocabulary");
		}
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

		// Spring's Basic filter accepts these spellings of the header; the throttle must read them alike
		for (String header : new String[] { "basic " + credentials, "BASIC " + credentials, "Basic\t" + credentials,
				"  Basic " + credentials }) {
			HttpResponse<String> refused = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base() + "/api/vocabulary")).header("Authorization", header)
					.GET()
					.build(), BodyHandlers.ofString());
			assertThat(refused.statusCode()).as("'%s'", header.replace(credentials, "...")).isIn(401, 429);
			assertThat(refused.statusCode()).as("'%s' must not get in", header.replace(credentials, "..."))
				.isNotEqualTo(200);
		}
		// the sign-in form matches the decoded path: /%6Cogin is /login
		assertThat(new Client().signIn(username, PASSWORD, "/%6Cogin").headers().firstValue("Location"))
			.hasValue(base() + "/login?locked=15");
	}

	@Test
	void anUnknownUsernameGetsExactlyTheAnswersAKnownOneGets() throws Exception {
		String known = account();
		String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 1; i <= 6; i++) {
			HttpResponse<String> a = basic(known, "wrong", "/api/vocabulary");
			HttpResponse<String> b = basic(unknown, "wrong", "/api/vocabulary");
			assertThat(b.statusCode()).as("attempt %d", i).isEqualTo(a.statusCode());
			assertThat(b.body()).as("attempt %d", i).isEqualTo(a.body().replace(known, unknown));
			HttpResponse<String> c = new Client().signIn(known, "wrong");
			HttpResponse<String> d = new Client().signIn(unknown, "wrong");
			assertThat(d.headers().firstValue("Location")).as("attempt %d", i).isEqualTo(c.headers().firstValue("Location"));
		}
		assertThat(basic(unknown, "wrong", "/api/vocabulary").statusCode()).isEqualTo(429);
	}

	@Test
	void aSuccessfulSignInStartsTheCountAgain() throws Exception {
		String username = account();
		for (int round = 0; round < 3; round++) {
			for (int i = 1; i <= 4; i++) {
				assertThat(basic(username, "wrong", "/api/vocabulary").statusCode()).isEqualTo(401);
			}
			assertThat(basic(username, PASSWORD, "/api/vocabulary").statusCode()).as("round %d", round).isEqualTo(200);
		}
		assertThat(jdbc.queryForObject("select count(*) from login_throttle where username = ?", Integer.class,
				LoginThrottle.key(username))).isZero();
		for (int i = 1; i <= 4; i++) {
			new Client().signIn(username, "wrong");
		}
		assertThat(new Client().signIn(username, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
		assertThat(jdbc.queryForObject("select count(*) from login_throttle where username = ?", Integer.class,
				LoginThrottle.key(username))).isZero();
	}

	@Test
	void aHugeUsernameIsCountedUnderAHash() throws Exception {
		String huge = "x".repeat(5000) + UUID.randomUUID();
		for (int i = 1; i <= 5; i++) {
			assertThat(basic(huge, "wrong", "/api/vocabulary").statusCode()).isEqualTo(401);
		}
		assertThat(basic(huge, "wrong", "/api/vocabulary").statusCode()).isEqualTo(429);
		assertThat(LoginThrottle.key(huge)).hasSize(65).startsWith("#");
	}

	private String account() {
		String username = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
		people.create(username, "Throttle test", PASSWORD, Set.of(Role.AMBASSADOR), Set.of("PLANNED_CARE"), false);
		return username;
	}

	private HttpResponse<String> basic(String username, String password, String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build(), BodyHandlers.ofString());
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private HttpCookie cookie(String session) {
		HttpCookie cookie = new HttpCookie("JSESSIONID", session);
		cookie.setPath("/");
		cookie.setVersion(0);
		return cookie;
	}

	/** A browser-like client that does not follow redirects, so each answer can be read. */
	private final class Client {

		final CookieManager cookies = new CookieManager();

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

		private String csrf;

		HttpResponse<String> get(String path) throws Exception {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
					BodyHandlers.ofString());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				csrf = token.group(1);
			}
			return response;
		}

		HttpResponse<String> signIn(String username, String password) throws Exception {
			return signIn(username, password, "/login");
		}

		HttpResponse<String> signIn(String username, String password, String path) throws Exception {
			if (csrf == null) {
				get("/login");
			}
			String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf;
			return http.send(HttpRequest.newBuilder(URI.create(base() + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString(form))
				.build(), BodyHandlers.ofString());
		}

		Optional<String> session() {
			return cookies.getCookieStore().getCookies().stream()
				.filter(c -> c.getName().equals("JSESSIONID"))
				.map(HttpCookie::getValue)
				.findFirst();
		}

	}

}
