package uk.nhs.equitylens.system;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.web.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and awkward requests over real HTTP: security headers on every kind of response; errors
 * (malformed, wrong types, unknown ids, 404, 405, 415, a constraint violation) that never show a
 * stack trace, class name or SQL; JSON nested 100,000 deep answered 400, not a stack overflow;
 * bodies that are not UTF-8 answered 400 saying so; and Welsh, Polish, Urdu and emoji text kept
 * intact through the API and into the board paper PDF as far as its font can draw it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostileRequestsTest {

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
			+ "font-src 'self' https://assets.nhs.uk; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final List<String> INTERNALS = List.of("Exception", "at uk.nhs", "org.hibernate", "SQL", "select ",
			"insert ", "java.", "jakarta.", "tools.jackson", "springframework");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
		WebSession ambassador = WebSession.signIn(port, "ambassador", "demo");
		Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
		responses.put("sign-in page", send(null, "GET", "/login", null, null));
		responses.put("signed-in page", ambassador.get("/"));
		responses.put("page not found", ambassador.get("/no-such-page"));
		responses.put("page redirect to sign in", send(null, "GET", "/", null, null));
		responses.put("stylesheet", send(null, "GET", "/css/lens.css", null, null));
		responses.put("board paper stylesheet", send(null, "GET", "/css/board-paper.css", null, null));
		responses.put("API", send("ambassador", "GET", "/api/vocabulary", null, null));
		responses.put("API 401", send(null, "GET", "/api/assessments", null, null));
		responses.put("API 404", send("ambassador", "GET", "/api/assessments/" + UUID.randomUUID(), null, null));
		responses.put("API 413", send("ambassador", "POST", "/api/assessments/evaluate", "application/json",
				"{\"title\":\"" + "x".repeat(1_100_000) + "\"}"));
		responses.put("API 400", send("ambassador", "POST", "/api/assessments/evaluate", "application/json", "{"));
		responses.put("OpenAPI document", send(null, "GET", "/v3/api-docs", null, null));
		responses.put("health", send(null, "GET", "/actuator/health", null, null));

		SoftAssertions softly = new SoftAssertions();
		responses.forEach((name, response) -> {
			softly.assertThat(response.headers().firstValue("Content-Security-Policy")).as(name).hasValue(CSP);
			softly.assertThat(response.headers().firstValue("X-Content-Type-Options")).as(name).hasValue("nosniff");
			softly.assertThat(response.headers().firstValue("X-Frame-Options")).as(name).hasValue("DENY");
			softly.assertThat(response.headers().firstValue("Referrer-Policy")).as(name)
				.hasValue("strict-origin-when-cross-origin");
		});
		softly.assertThat(responses.get("API 413").statusCode()).isEqualTo(413);
		HttpResponse<String> swagger = send(null, "GET", "/swagger-ui/index.html", null, null);
		softly.assertThat(swagger.statusCode()).isEqualTo(200);
		softly.assertThat(swagger.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
			.contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-eval"));
		softly.assertThat(swagger.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		softly.assertAll();
	}

	@Test
	void errorsNeverShowStackTracesClassNamesOrSql() throws Exception {
		String draft = id(send("ambassador", "POST", "/api/assessments", "application/json",
				"{\"title\":\"Errors\",\"board\":\"PLANNED_CARE\"}"));
		String unknown = UUID.randomUUID().toString();
		WebSession ambassador = WebSession.signIn(port, "ambassador", "demo");
		Map<String, HttpResponse<String>> errors = new LinkedHashMap<>();
		errors.put("malformed JSON", send("ambassador", "POST", "/api/assessments/evaluate", "application/json", "{\"title\": "));
		errors.put("wrong type", send("ambassador", "POST", "/api/assessments/evaluate", "application/json",
				"{\"title\": 5, \"population\": {\"affected\": \"many\"}}"));
		errors.put("array instead of object", send("ambassador", "POST", "/api/assessments", "application/json", "[1,2]"));
		errors.put("unknown enum", send("ambassador", "POST", "/api/assessments/" + draft + "/decisions", "application/json",
				"{\"decision\":\"MAYBE\",\"reason\":\"x\",\"version\":\"one\"}"));
		errors.put("wrong query type", send("ambassador", "GET", "/api/assessments?page=abc&size=-1", null, null));
		errors.put("wrong date", send("ambassador", "GET", "/api/cumulative?from=yesterday", null, null));
		errors.put("unknown id", send("ambassador", "GET", "/api/assessments/" + unknown, null, null));
		errors.put("not an id", send("ambassador", "GET", "/api/assessments/../../etc/passwd", null, null));
		errors.put("no such API", send("ambassador", "GET", "/api/nothing", null, null));
		errors.put("405", send("ambassador", "DELETE", "/api/assessments/" + draft, null, null));
		errors.put("415", send("ambassador", "POST", "/api/assessments/evaluate", "text/plain", "title=x"));
		errors.put("415 XML", send("ambassador", "POST", "/api/assessments/evaluate", "application/xml", "<title/>"));
		errors.put("no body", send("ambassador", "POST", "/api/assessments/evaluate", "application/json", ""));
		errors.put("page 404", ambassador.get("/assessments/" + unknown));
		errors.put("page unknown section", ambassador.get("/assessments/" + draft + "/sections/no-such-section"));
		errors.put("page 405", ambassador.post("/about", Map.of("x", "y")));
		errors.put("page no such address", ambassador.get("/%2e%2e/etc/passwd"));
		errors.putAll(duplicateUsernamesAtOnce());

		SoftAssertions softly = new SoftAssertions();
		errors.forEach((name, response) -> {
			softly.assertThat(response.statusCode()).as("%s: an error status", name).isBetween(400, 499);
			for (String internal : INTERNALS) {
				softly.assertThat(response.body()).as("%s: %s", name, response.body()).doesNotContain(internal);
			}
			// (a path that climbs out of /api/ is refused by the server before the application: Boot's JSON error)
			if (response.uri().getPath().startsWith("/api/") && !name.equals("not an id")) {
				softly.assertThat(response.headers().firstValue("Content-Type").orElse("")).as(name)
					.startsWith("application/problem+json");
			}
		});
		softly.assertAll();
	}

	@Test
	void jsonNestedAHundredThousandDeepIs400NotAStackOverflow() throws Exception {
		String arrays = "[".repeat(100_000) + "]".repeat(100_000);
		String objects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
		// a key the proposal document does not define is kept as is (an added question), so depth reaches it
		String inside = "{\"title\":\"Deep\",\"extra\":" + objects + "}";
		for (String body : List.of(arrays, objects, inside)) {
			for (String path : List.of("/api/assessments/evaluate", "/api/assessments")) {
				HttpResponse<String> response = send("ambassador", "POST", path, "application/json", body);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
				assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
						type -> assertThat(type).startsWith("application/problem+json"));
				if (body != arrays) { // an array is refused at its first token: not a proposal document
					assertThat(json.readTree(response.body()).get("detail").asString()).contains("nested too deeply");
				}
				assertThat(response.body()).doesNotContain("StackOverflow", "Exception");
			}
		}
		assertThat(send("ambassador", "GET", "/api/vocabulary", null, null).statusCode()).isEqualTo(200);
	}

	@Test
	void bodiesThatAreNotUtf8Are400SayingSo() throws Exception {
		Map<String, byte[]> bodies = new LinkedHashMap<>();
		bodies.put("Latin-1", "{\"title\":\"Caf\u00e9 Cymraeg\"}".getBytes(StandardCharsets.ISO_8859_1));
		bodies.put("bad continuation", bytes("{\"title\":\"", new byte[] { (byte) 0xC3, 0x28 }, "\"}"));
		bodies.put("overlong slash", bytes("{\"title\":\"", new byte[] { (byte) 0xC0, (byte) 0xAF }, "\"}"));
		bodies.put("surrogate", bytes("{\"title\":\"", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, "\"}"));
		bodies.put("above U+10FFFF", bytes("{\"title\":\"", new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, "\"}"));
		bodies.put("truncated at the end", bytes("{\"title\":\"x\"}", new byte[] { (byte) 0xE2, (byte) 0x82 }, ""));
		bodies.put("UTF-16LE", "{\"title\":\"Ysbyty\"}".getBytes(StandardCharsets.UTF_16LE));
		bodies.put("UTF-16BE", "{\"title\":\"Ysbyty\"}".getBytes(StandardCharsets.UTF_16BE));
		bodies.put("UTF-16 with BOM", "{\"title\":\"Ysbyty\"}".getBytes(StandardCharsets.UTF_16));
		for (var body : bodies.entrySet()) {
			for (String type : List.of("application/json", "application/json;charset=UTF-8")) {
				HttpResponse<String> response = sendBytes("POST", "/api/assessments/evaluate", type, body.getValue());
				assertThat(response.statusCode()).as("%s as %s: %s", body.getKey(), type, response.body()).isEqualTo(400);
				assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
						t -> assertThat(t).startsWith("application/problem+json"));
				JsonNode problem = json.readTree(response.body());
				assertThat(problem.get("title").asString()).as(body.getKey()).isEqualTo("The body is not valid UTF-8");
				assertThat(problem.get("detail").asString()).contains("not valid UTF-8");
			}
		}
		HttpResponse<String> utf8 = sendBytes("POST", "/api/assessments", "application/json",
				"{\"title\":\"Caf\u00e9 \u0175\",\"board\":\"PLANNED_CARE\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(utf8.statusCode()).as("the same text as UTF-8 is fine").isEqualTo(201);
	}

	@Test
	void welshPolishUrduAndEmojiSurviveTheApiAndThePdf() throws Exception {
		String welsh = "Ysbyty Gwynedd: ŵ ŷ Ŵ Ŷ";
		String polish = "zażółć gęślą jaźń";
		String urdu = "صحت کی دیکھ بھال ٹیم کے لیے";
		String emoji = "🏥👩🏽‍⚕️";
		ObjectNode document = example();
		document.put("title", welsh + " / " + polish);
		document.put("summary", polish + " " + urdu + " " + emoji);
		((ObjectNode) document.get("cohorts").get(0)).put("evidence", urdu + " " + emoji + " " + welsh);
		HttpResponse<String> created = send("ambassador", "POST", "/api/assessments?submit=true", "application/json",
				document.toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = id(created);

		JsonNode read = json.readTree(send("ambassador", "GET", "/api/assessments/" + id, null, null).body());
		assertThat(read.get("title").asString()).isEqualTo(welsh + " / " + polish);
		assertThat(read.get("answers").get("summary").asString()).isEqualTo(polish + " " + urdu + " " + emoji);
		assertThat(read.get("answers").get("cohorts").get(0).get("evidence").asString())
			.isEqualTo(urdu + " " + emoji + " " + welsh);

		HttpResponse<byte[]> pdf = http.send(request("ambassador", "GET", "/api/assessments/" + id + "/report.pdf", null)
			.GET().build(), BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		String text;
		try (PDDocument paper = Loader.loadPDF(pdf.body())) {
			text = new PDFTextStripper().getText(paper);
		}
		assertThat(text).as("Welsh and Polish are drawn").contains(welsh, polish);
		// Urdu in Noto Naskh Arabic, its letters joined and right to left (the text layer reads back in
		// logical order); emoji in monochrome Noto Emoji, which has no skin tones: the woman health
		// worker is drawn without hers
		assertThat(text).as("Urdu is drawn").contains(urdu);
		assertThat(text).as("emoji are drawn").contains("\uD83C\uDFE5\uD83D\uDC69").contains("\u2695");
	}

	/** Eight admins at once create the same new username: at most one wins, none sees internals. */
	private Map<String, HttpResponse<String>> duplicateUsernamesAtOnce() throws Exception {
		String username = "race-" + UUID.randomUUID().toString().substring(0, 8);
		List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
		List<WebSession> admins = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			admins.add(WebSession.signIn(port, "admin", "demo"));
		}
		for (WebSession admin : admins) {
			racing.add(CompletableFuture.supplyAsync(() -> {
				try {
					return admin.post("/admin/people/new", Map.of("username", username, "displayName", "Race",
							"password", "a-race-passphrase", "roles", "AMBASSADOR", "boards", "PLANNED_CARE"));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		Map<String, HttpResponse<String>> losers = new LinkedHashMap<>();
		for (int i = 0; i < racing.size(); i++) {
			HttpResponse<String> response = racing.get(i).join();
			if (!response.uri().getPath().equals("/admin/people")) {
				losers.put("same username at once #" + i, response);
			}
		}
		assertThat(losers).as("all but one are refused").hasSizeGreaterThanOrEqualTo(7);
		return losers;
	}

	private static byte[] bytes(String before, byte[] middle, String after) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(middle);
		out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private String id(HttpResponse<String> created) throws Exception {
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asString();
	}

	private ObjectNode example() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			return (ObjectNode) json.readTree(in);
		}
	}

	private HttpResponse<String> send(String username, String method, String path, String type, String body)
			throws Exception {
		HttpRequest.Builder request = request(username, method, path, type);
		request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		return http.send(request.build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> sendBytes(String method, String path, String type, byte[] body) throws Exception {
		return http.send(request("ambassador", method, path, type).method(method, BodyPublishers.ofByteArray(body)).build(),
				BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String username, String method, String path, String type) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (username != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		if (type != null) {
			request.header("Content-Type", type);
		}
		return request;
	}

}
