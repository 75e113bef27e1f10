package uk.nhs.equitylens.api;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.EquityLensApplication;
import uk.nhs.equitylens.proposal.ProposalDefects;
import uk.nhs.equitylens.proposal.ProposalDefects.Defect;
import uk.nhs.equitylens.proposal.ProposalDocument;
import uk.nhs.equitylens.proposal.Proposals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and careless input against the proposal endpoints, through the whole stack: the
 * application on a random port (test config: in-memory H2), a signed-in ambassador's session with
 * its CSRF token, the real security filters, size limit, JSON reading, validation and error
 * handling. Whatever arrives, the answer is never a 5xx; every 4xx is problem+json; a document
 * wrong in a known field gets a problem that names that field under {@code errors}.
 *
 * <p>
 * jqwik does not run Spring's JUnit Jupiter extension on {@code @Property} methods, so the class
 * starts the application itself, once, and closes it at the end.
 */
class ApiRobustnessProperties {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static ConfigurableApplicationContext context;

	private static HttpClient http;

	private static String base;

	private static String csrf;

	private static JsonMapper json;

	/** A draft the ambassador keeps replacing (PUT /api/assessments/{id}). */
	private static String draft;

	/** A submitted assessment whose mitigation responses are re-evaluated. */
	private static String submitted;

	@BeforeContainer
	static void start() throws Exception {
		context = new SpringApplicationBuilder(EquityLensApplication.class).properties("server.port=0").run();
		json = context.getBean(JsonMapper.class);
		base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
		http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
		signIn("ambassador", "demo");
		ObjectNode example = (ObjectNode) json.readTree(ApiRobustnessProperties.class.getResourceAsStream("/proposals/proposal-example.json"));
		HttpResponse<String> created = send("POST", "/api/assessments", bytes(example));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		draft = json.readTree(created.body()).get("id").asString();
		HttpResponse<String> done = send("POST", "/api/assessments?submit=true", bytes(example));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
		submitted = json.readTree(done.body()).get("id").asString();
	}

	@AfterContainer
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	// POST /api/assessments/evaluate

	@Property(tries = 150)
	void evaluateAssessesEveryValidDocument(@ForAll("valid") ProposalDocument document) throws Exception {
		HttpResponse<String> response = send("POST", "/api/assessments/evaluate", bytes(document));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = json.readTree(response.body());
		assertThat(result.get("rating").asString()).isIn("LOW", "MODERATE", "HIGH", "SEVERE");
		assertThat(result.get("score").asInt()).isBetween(0, 100);
	}

	@Property(tries = 300)
	void evaluateRefusesEveryDefectNamingTheField(@ForAll("invalidDocuments") Defect defect) throws Exception {
		HttpResponse<String> response = send("POST", "/api/assessments/evaluate", defect.body());

		assertRefused(response, defect);
	}

	@Property(tries = 100)
	void evaluateKeepsKeysTheSpecDoesNotDefine(@ForAll("documentsWithUnknownKeys") Defect document) throws Exception {
		HttpResponse<String> response = send("POST", "/api/assessments/evaluate", document.body());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	// POST /api/assessments?submit=true

	@Property(tries = 100)
	void createAndSubmitStoresEveryCompleteDocument(@ForAll("complete") ProposalDocument document) throws Exception {
		HttpResponse<String> response = send("POST", "/api/assessments?submit=true", bytes(document));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("SUBMITTED");
	}

	@Property(tries = 250)
	void createAndSubmitRefusesEveryDefectNamingTheField(@ForAll("invalidDocuments") Defect defect) throws Exception {
		HttpResponse<String> response = send("POST", "/api/assessments?submit=true", defect.body());

		assertRefused(response, defect);
	}

	// PUT /api/assessments/{id}: a draft keeps whatever it is given, as long as it has a title and a board

	@Property(tries = 200)
	void updatingADraftNeverFailsOnOurSide(@ForAll("invalidDocuments") Defect defect) throws Exception {
		HttpResponse<String> response = send("PUT", "/api/assessments/" + draft, defect.body());

		assertThat(response.statusCode()).as(defect + "\n" + response.body()).isLessThan(500);
		if (response.statusCode() >= 400) {
			assertProblem(response, defect);
		}
		// a draft keeps anything but a mitigation taken on without its owner or due date
		boolean refusedInADraft = defect.field() != null && (defect.field().equals("title") || defect.field().equals("board")
				|| defect.kind().equals("taken on without"));
		if (refusedInADraft) {
			assertThat(response.statusCode()).as(defect + "\n" + response.body()).isEqualTo(400);
			assertThat(fields(response)).as(defect.toString()).contains(defect.field());
		}
		else if (defect.field() != null) {
			assertThat(response.statusCode()).as(defect + "\n" + response.body()).isEqualTo(200);
		}
	}

	// PUT /api/assessments/{id}/mitigations on a submitted assessment: re-evaluated

	@Property(tries = 100)
	void respondingToMitigationsReEvaluates(@ForAll("mitigationResponses") ObjectNode responses) throws Exception {
		HttpResponse<String> response = send("PUT", "/api/assessments/" + submitted + "/mitigations", bytes(responses));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Property(tries = 250)
	void mitigationResponsesRefuseEveryDefectNamingTheField(@ForAll("invalidMitigationResponses") Defect defect)
			throws Exception {
		HttpResponse<String> response = send("PUT", "/api/assessments/" + submitted + "/mitigations", defect.body());

		assertRefused(response, defect);
	}

	@Provide
	Arbitrary<ProposalDocument> valid() {
		return Proposals.valid();
	}

	@Provide
	Arbitrary<ProposalDocument> complete() {
		return Proposals.complete();
	}

	@Provide
	Arbitrary<Defect> invalidDocuments() {
		return ProposalDefects.invalidDocuments();
	}

	@Provide
	Arbitrary<Defect> documentsWithUnknownKeys() {
		return ProposalDefects.documentsWithUnknownKeys();
	}

	@Provide
	Arbitrary<ObjectNode> mitigationResponses() {
		return ProposalDefects.mitigationResponses();
	}

	@Provide
	Arbitrary<Defect> invalidMitigationResponses() {
		return ProposalDefects.invalidMitigationResponses();
	}

	private static void assertRefused(HttpResponse<String> response, Defect defect) throws Exception {
		assertThat(response.statusCode()).as(defect + "\n" + response.body()).isEqualTo(400);
		assertProblem(response, defect);
		if (defect.field() != null) {
			assertThat(fields(response)).as(defect + "\n" + response.body()).contains(defect.field());
		}
	}

	private static void assertProblem(HttpResponse<String> response, Defect defect) throws Exception {
		assertThat(response.headers().firstValue("Content-Type")).as(defect + "\n" + response.body())
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "tools.jackson", "uk.nhs.equitylens");
	}

	private static List<String> fields(HttpResponse<String> response) {
		JsonNode errors = json.readTree(response.body()).path("errors");
		return errors.valueStream().map(e -> e.path("field").asString()).toList();
	}

	private static byte[] bytes(Object document) {
		return json.writeValueAsBytes(document);
	}

	private static HttpResponse<String> send(String method, String path, byte[] body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrf)
			.method(method, BodyPublishers.ofByteArray(body))
			.build(), BodyHandlers.ofString());
	}

	/**
	 * Signs in through the login form, as a browser does, and keeps the session's CSRF token: one
	 * password check for the whole class rather than one per request.
	 */
	private static void signIn(String username, String password) throws Exception {
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), BodyHandlers.ofString())
			.body();
		String form = "username=" + username + "&password=" + password + "&_csrf="
				+ URLEncoder.encode(token(login), StandardCharsets.UTF_8);
		HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form))
			.build(), BodyHandlers.ofString());
		assertThat(home.uri().getPath()).as("signed in").doesNotStartWith("/login");
		csrf = token(home.body());
	}

	private static String token(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
		return matcher.group(1);
	}

}
