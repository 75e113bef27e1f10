package uk.nhs.equitylens.security;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.web.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundaries between people, tried over real HTTP: another board's member can neither read nor
 * decide an assessment; a second ambassador of the same board cannot edit someone else's draft; a
 * page form without its CSRF token is refused and changes nothing; text people type is shown
 * escaped on every page that shows it (a cohort's evidence is shown only on its own form page:
 * check your answers and the review list the impact without it); and the anonymous are sent to
 * sign in (pages) or answered 401 with a Basic challenge (API).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(Lifecycle.PER_CLASS)
class SecurityBoundariesTest {

	private static final String SCRIPT = "<script>alert('x')</script>";

	private static final String IMG = "\"><img src=x onerror=alert(1)>";

	private static final String TITLE = "Title " + SCRIPT + " " + IMG;

	private static final String SUMMARY = "Summary " + SCRIPT + " " + IMG;

	private static final String EVIDENCE = "Evidence " + SCRIPT + " " + IMG;

	private static final String COMMENT = "Comment " + SCRIPT + " " + IMG;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private String submittedId;

	private String draftId;

	@BeforeAll
	void createTheFixtures() throws Exception {
		HttpResponse<String> submitted = api("ambassador", "demo", "POST", "/api/assessments?submit=true",
				example().toString());
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		submittedId = json.readTree(submitted.body()).get("id").asString();
		HttpResponse<String> draft = api("ambassador", "demo", "POST", "/api/assessments",
				json.createObjectNode().put("title", "Boundaries draft").put("board", "PLANNED_CARE").toString());
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		draftId = json.readTree(draft.body()).get("id").asString();
	}

	@Test
	void aMemberOfAnotherBoardCanNeitherReadNorDecideAnAssessment() throws Exception {
		long version = assessment(submittedId).get("version").asLong();
		ObjectNode decision = json.createObjectNode()
			.put("decision", "REJECTED")
			.put("reason", "Not my board, but trying anyway")
			.put("version", version);

		HttpResponse<String> read = api("other.board", "demo", "GET", "/api/assessments/" + submittedId, null);
		HttpResponse<String> decided = api("other.board", "demo", "POST", "/api/assessments/" + submittedId + "/decisions",
				decision.toString());
		HttpResponse<String> page = WebSession.signIn(port, "other.board", "demo")
			.get("/assessments/" + submittedId + "/review");

		assertThat(read.statusCode()).as(read.body()).isEqualTo(403);
		assertThat(read.body()).doesNotContain("Move adult hearing aftercare");
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(403);
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).doesNotContain("Move adult hearing aftercare");
		JsonNode after = assessment(submittedId);
		assertThat(after.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(after.get("version").asLong()).isEqualTo(version);
		assertThat(json.readTree(api("ambassador", "demo", "GET", "/api/assessments/" + submittedId + "/decisions", null)
			.body())).isEmpty();
	}

	@Test
	void anotherAmbassadorOfTheSameBoardCannotEditSomeoneElsesDraft() throws Exception {
		String username = "ambassador2-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "second-ambassador-passphrase";
		WebSession admin = WebSession.signIn(port, "admin", "demo");
		Map<String, String> person = new LinkedHashMap<>();
		person.put("username", username);
		person.put("displayName", "Second ambassador");
		person.put("password", password);
		person.put("roles", "AMBASSADOR");
		person.put("boards", "PLANNED_CARE");
		HttpResponse<String> created = admin.post("/admin/people/new", person);
		assertThat(created.uri().getPath()).as(created.body()).isEqualTo("/admin/people");
		assertThat(created.body()).contains(username);
		ObjectNode takeover = json.createObjectNode().put("title", "Taken over").put("board", "PLANNED_CARE");
		Map<String, String> section = Map.of("title", "Taken over", "board", "PLANNED_CARE", "proposalType",
				"DIGITAL_CHANNEL", "summary", "Someone else's now");

		HttpResponse<String> read = api(username, password, "GET", "/api/assessments/" + draftId, null);
		HttpResponse<String> put = api(username, password, "PUT", "/api/assessments/" + draftId, takeover.toString());
		HttpResponse<String> posted = WebSession.signIn(port, username, password)
			.post("/assessments/" + draftId + "/sections/proposal", section);

		assertThat(read.statusCode()).as("an ambassador of the board may read it").isEqualTo(200);
		assertThat(put.statusCode()).as(put.body()).isEqualTo(403);
		assertThat(posted.statusCode()).isEqualTo(403);
		JsonNode after = assessment(draftId);
		assertThat(after.get("title").asString()).isEqualTo("Boundaries draft");
		assertThat(after.get("answers").has("summary")).isFalse();
	}

	@Test
	void aPageFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		WebSession ambassador = WebSession.signIn(port, "ambassador", "demo");
		long version = assessment(draftId).get("version").asLong();
		int assessments = jdbc.queryForObject("select count(*) from assessment", Integer.class);

		HttpResponse<String> saved = ambassador.postRaw("/assessments/" + draftId + "/sections/proposal",
				Map.of("title", "Forged title", "board", "PLANNED_CARE"));
		HttpResponse<String> created = ambassador.postRaw("/assessments/new",
				Map.of("title", "Forged assessment", "board", "PLANNED_CARE"));

		assertThat(saved.statusCode()).isEqualTo(403);
		assertThat(created.statusCode()).isEqualTo(403);
		JsonNode after = assessment(draftId);
		assertThat(after.get("title").asString()).isEqualTo("Boundaries draft");
		assertThat(after.get("version").asLong()).isEqualTo(version);
		assertThat(jdbc.queryForObject("select count(*) from assessment", Integer.class)).isEqualTo(assessments);
		assertThat(jdbc.queryForObject("select count(*) from assessment where title like 'Forged%'", Integer.class)).isZero();
		HttpResponse<String> withToken = ambassador.post("/assessments/" + draftId + "/sections/proposal",
				Map.of("title", "Boundaries draft", "board", "PLANNED_CARE"));
		assertThat(withToken.statusCode()).as("the same form with its token is accepted").isNotEqualTo(403);
	}

	@Test
	void whatPeopleTypeIsShownEscapedOnEveryPageThatShowsIt() throws Exception {
		ObjectNode document = example();
		document.put("title", TITLE).put("summary", SUMMARY);
		((ObjectNode) document.get("cohorts").get(0)).put("evidence", EVIDENCE);
		HttpResponse<String> created = api("ambassador", "demo", "POST", "/api/assessments", document.toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json.readTree(created.body()).get("id").asString();
		WebSession ambassador = WebSession.signIn(port, "ambassador", "demo");

		shownEscaped(ambassador.get("/"), "home list", TITLE);
		shownEscaped(ambassador.get("/assessments/" + id), "task list", TITLE);
		shownEscaped(ambassador.get("/assessments/" + id + "/sections/proposal"), "proposal page", TITLE, SUMMARY);
		shownEscaped(ambassador.get("/assessments/" + id + "/sections/core20"), "Core20 page", EVIDENCE);
		shownEscaped(ambassador.get("/assessments/" + id + "/check"), "check answers", TITLE, SUMMARY);
		HttpResponse<String> submitted = api("ambassador", "demo", "POST", "/api/assessments/" + id + "/submit", null);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		shownEscaped(ambassador.get("/assessments/" + id + "/result"), "result", TITLE);
		WebSession member = WebSession.signIn(port, "board.member", "demo");
		HttpResponse<String> commented = member.post("/assessments/" + id + "/comments", Map.of("body", COMMENT));
		assertThat(commented.uri().getPath()).isEqualTo("/assessments/" + id + "/review");
		shownEscaped(commented, "review, after commenting", TITLE, SUMMARY, COMMENT);
		shownEscaped(member.get("/assessments/" + id + "/review"), "review", TITLE, SUMMARY, COMMENT);
		shownEscaped(member.get("/reviews"), "review queue", TITLE);
		shownEscaped(ambassador.get("/assessments/" + id + "/review"), "review as the ambassador", TITLE, COMMENT);
	}

	@Test
	void theAnonymousAreSentToSignInOrChallengedForBasicCredentials() throws Exception {
		HttpResponse<String> home = http.send(HttpRequest.newBuilder(uri("/")).GET().build(), BodyHandlers.ofString());
		HttpResponse<String> list = http.send(HttpRequest.newBuilder(uri("/api/assessments")).GET().build(),
				BodyHandlers.ofString());
		HttpResponse<String> one = http.send(HttpRequest.newBuilder(uri("/api/assessments/" + submittedId)).GET().build(),
				BodyHandlers.ofString());

		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));
		for (HttpResponse<String> response : List.of(list, one)) {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
			JsonNode problem = json.readTree(response.body());
			assertThat(problem.get("status").asInt()).isEqualTo(401);
			assertThat(problem.get("title").asString()).isNotBlank();
			assertThat(response.body()).doesNotContain("Move adult hearing aftercare");
		}
	}

	/** The page shows each text escaped, and none of them as markup. */
	private static void shownEscaped(HttpResponse<String> page, String name, String... texts) {
		assertThat(page.statusCode()).as("%s: status", name).isEqualTo(200);
		String html = page.body();
		assertThat(html).as("%s: no script from the answers", name)
			.doesNotContain(SCRIPT)
			.doesNotContain("<script>")
			.doesNotContain("<img src=x")
			.doesNotContain(IMG);
		for (String text : texts) {
			assertThat(html).as("%s: shows %s escaped", name, text).contains(HtmlUtils.htmlEscape(text));
		}
	}

	private JsonNode assessment(String id) throws Exception {
		HttpResponse<String> response = api("ambassador", "demo", "GET", "/api/assessments/" + id, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private ObjectNode example() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			return (ObjectNode) json.readTree(in);
		}
	}

	private HttpResponse<String> api(String username, String password, String method, String path, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		return http.send(request.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
