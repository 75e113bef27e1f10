package uk.nhs.equitylens.api;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluate and vocabulary API over real HTTP on a random port: the spec example, every kind of
 * bad input answered with problem+json, and the body size limit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EvaluateApiTest {

	private static final String PROBLEM_JSON = "application/problem+json";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theSpecExampleIsSevereOrHighAndRequiresANonDigitalRoute() throws Exception {
		HttpResponse<String> response = post(example().toString());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = json.readTree(response.body());
		assertThat(result.get("rating").asString()).isIn("HIGH", "SEVERE");
		JsonNode nonDigital = stream(result.get("requiredMitigations"))
			.filter(m -> m.get("code").asString().equals("NON_DIGITAL_ROUTE"))
			.findFirst()
			.orElseThrow();
		assertThat(nonDigital.get("ruleId").asString()).isEqualTo("ACC-001");
		assertThat(nonDigital.get("satisfied").asBoolean()).isTrue();
		assertThat(nonDigital.get("label").asString()).isNotBlank();
		assertThat(result.get("score").asInt()).isBetween(0, 100);
		assertThat(result.get("domainScores").propertyNames()).containsExactly("cohorts", "access", "clinical",
				"cumulative");
		assertThat(result.get("assurance").get("domainScores").propertyNames()).containsExactly("evidence",
				"engagement", "monitoring");
		assertThat(result.get("assurance").get("complete").asBoolean()).isFalse();
		assertThat(stream(result.get("assurance").get("missing")).map(JsonNode::asString)).contains("cohorts[RACE]");
		assertThat(stream(result.get("findings")).map(f -> f.get("ruleId").asString())).contains("ACC-001", "COH-001");
		assertThat(stream(result.get("firedRules")).map(JsonNode::asString)).contains("ACC-001", "RAT-002");
		assertThat(result.get("rulebaseVersion").asString()).matches("sha256:[0-9a-f]{64}");
		assertThat(result.get("formVersion").asString()).isEqualTo("hiia/2");
		assertThat(result.get("deprivation").get("attribution").asString()).contains("Open Government Licence");
	}

	@Test
	void committingTheRequiredMitigationLowersTheResidualScore() throws Exception {
		ObjectNode proposed = example();
		((ObjectNode) proposed.get("mitigations").get(0)).put("status", "PROPOSED");

		JsonNode withCommitment = json.readTree(post(example().toString()).body());
		JsonNode withoutCommitment = json.readTree(post(proposed.toString()).body());

		assertThat(withoutCommitment.get("residualRating").asString())
			.isEqualTo(withoutCommitment.get("rating").asString());
		assertThat(withCommitment.get("residualScore").asInt())
			.isLessThan(withoutCommitment.get("residualScore").asInt());
	}

	@Test
	void theSameDocumentGivesTheSameResult() throws Exception {
		assertThat(post(example().toString()).body()).isEqualTo(post(example().toString()).body());
	}

	@Test
	void everyFieldAtFaultIsListed() throws Exception {
		ObjectNode document = example();
		document.remove("summary");
		((ObjectNode) document.get("cohorts").get(0)).put("code", "CORE21");
		((ObjectNode) document.get("barriers").get(0)).put("severity", "EXTREME");
		((ObjectNode) document.get("population")).put("core20Share", 1.5);
		((ArrayNode) document.get("population").get("areas")).add("E01999999");
		document.put("board", "NOT_A_BOARD");

		HttpResponse<String> response = post(document.toString());

		assertProblem(response, 400);
		JsonNode problem = json.readTree(response.body());
		assertThat(stream(problem.get("errors")).map(e -> e.get("field").asString())).containsExactlyInAnyOrder(
				"board", "barriers[0].severity", "cohorts[0].code", "population.areas[2]", "population.core20Share",
				"summary");
		assertThat(problem.get("errors").toString()).contains("CORE21", "E01999999");
	}

	@Test
	void wrongTypesNameTheField() throws Exception {
		ObjectNode text = example();
		((ObjectNode) text.get("population")).put("affected", "twelve thousand");
		ObjectNode fraction = example();
		((ObjectNode) fraction.get("population")).put("affected", 12000.5);
		ObjectNode quotedNumber = example();
		((ObjectNode) quotedNumber.get("population")).put("affected", "12000");
		ObjectNode badDate = example();
		((ObjectNode) badDate.get("mitigations").get(0)).put("due", "31/03/2027");
		ObjectNode listForText = example();
		listForText.set("title", json.createArrayNode().add("a"));

		for (ObjectNode document : List.of(text, fraction, quotedNumber)) {
			HttpResponse<String> response = post(document.toString());
			assertProblem(response, 400);
			assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString())
				.isEqualTo("population.affected");
		}
		HttpResponse<String> date = post(badDate.toString());
		assertProblem(date, 400);
		assertThat(json.readTree(date.body()).get("errors").get(0).get("field").asString())
			.isEqualTo("mitigations[0].due");
		HttpResponse<String> list = post(listForText.toString());
		assertProblem(list, 400);
		assertThat(json.readTree(list.body()).get("errors").get(0).get("field").asString()).isEqualTo("title");
	}

	/** Shrunk by ApiRobustnessProperties: well-formed JSON, so not "Malformed JSON", but the field's number is too big. */
	@Test
	void aNumberTooBigForItsFieldNamesTheField() throws Exception {
		for (String affected : List.of("9223372036854775808", "-9223372036854775809", "1" + "0".repeat(40))) {
			String body = example().toString().replace("\"affected\":12000", "\"affected\":" + affected);
			assertThat(body).contains(affected);
			HttpResponse<String> response = post(body);
			assertProblem(response, 400);
			assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).as(affected)
				.isEqualTo("population.affected");
		}
	}

	/** Shrunk by ApiRobustnessProperties: {@code "title": 42} was read as the text "42" and assessed. */
	@Test
	void numbersAndTrueOrFalseWhereTextBelongsNameTheField() throws Exception {
		for (String field : List.of("title", "summary", "board")) {
			for (JsonNode value : List.of(json.getNodeFactory().numberNode(42), json.getNodeFactory().numberNode(1.5),
					json.getNodeFactory().booleanNode(true))) {
				ObjectNode document = example();
				document.set(field, value);
				HttpResponse<String> response = post(document.toString());
				assertProblem(response, 400);
				assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString())
					.as(field + "=" + value)
					.isEqualTo(field);
			}
		}
	}

	@Test
	void malformedOrMissingBodiesAreRefusedClearly() throws Exception {
		for (String body : List.of("{\"title\": ", "not json", "", "[1,2]", "null", "{} {}", "\"text\"")) {
			HttpResponse<String> response = post(body);
			assertProblem(response, 400);
			assertThat(response.body()).doesNotContain("Exception", "tools.jackson", "uk.nhs");
		}
	}

	@Test
	void oversizedBodiesGet413() throws Exception {
		String big = "{\"title\": \"" + "x".repeat(1_100_000) + "\"}";
		HttpResponse<String> declared = post(big);
		assertProblem(declared, 413);

		HttpRequest chunked = authorized(uri("/api/assessments/evaluate"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
			.build();
		HttpResponse<String> streamed = http.send(chunked, BodyHandlers.ofString());
		assertProblem(streamed, 413);
	}

	@Test
	void wrongMethodOrMediaTypeIsProblemJson() throws Exception {
		HttpResponse<String> get = http.send(authorized(uri("/api/assessments/evaluate")).GET().build(),
				BodyHandlers.ofString());
		assertProblem(get, 405);
		HttpResponse<String> text = http.send(authorized(uri("/api/assessments/evaluate"))
			.header("Content-Type", "text/plain")
			.POST(BodyPublishers.ofString("hello"))
			.build(), BodyHandlers.ofString());
		assertProblem(text, 415);
	}

	@Test
	void areasAloneGiveTheCore20ShareFromTheDeprivationData() throws Exception {
		ObjectNode document = example();
		((ObjectNode) document.get("population")).remove("core20Share");
		((ArrayNode) document.get("population").get("areas")).add("E01000001").add("W01000001");

		JsonNode result = json.readTree(post(document.toString()).body());

		JsonNode deprivation = result.get("deprivation");
		assertThat(deprivation.get("source").asString()).isEqualTo("AREAS");
		assertThat(deprivation.get("shareOf").asString()).isEqualTo("areas");
		assertThat(deprivation.get("edition").asString()).isEqualTo("IOD2025");
		assertThat(deprivation.get("areasMatched").asInt()).isEqualTo(3);
		assertThat(deprivation.get("core20Areas").asInt()).isEqualTo(2);
		assertThat(deprivation.get("core20Share").asDouble()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(stream(deprivation.get("welshAreasNotPooled")).map(JsonNode::asString)).containsExactly("W01000001");
		assertThat(result.get("findings").toString()).contains("2 of the 3 English areas matched (67%)");
	}

	@Test
	void theVocabularyIsServed() throws Exception {
		HttpResponse<String> response = http.send(authorized(uri("/api/vocabulary")).GET().build(),
				BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode vocabulary = json.readTree(response.body());
		assertThat(stream(vocabulary.get("cohorts")).map(c -> c.get("code").asString())).contains("CORE20", "AGE");
		assertThat(stream(vocabulary.get("mitigations")).map(c -> c.get("code").asString()))
			.contains("NON_DIGITAL_ROUTE");
		assertThat(stream(vocabulary.get("boards")).map(c -> c.get("code").asString())).contains("PLANNED_CARE");
		assertThat(stream(vocabulary.get("impactDirections")).map(JsonNode::asString)).containsExactly("POSITIVE",
				"NEUTRAL", "NEGATIVE", "UNKNOWN");
	}

	@Test
	void theCallerCanAskWhoTheyAre() throws Exception {
		JsonNode me = json.readTree(http.send(authorized(uri("/api/me")).GET().build(), BodyHandlers.ofString()).body());
		assertThat(me.get("username").asString()).isEqualTo("ambassador");
		assertThat(stream(me.get("roles")).map(JsonNode::asString)).containsExactly("AMBASSADOR");
		assertThat(stream(me.get("boards")).map(JsonNode::asString)).containsExactly("DIGITAL", "PLANNED_CARE");
	}

	@Test
	void theRulebaseIsDescribed() throws Exception {
		JsonNode rulebase = json.readTree(
				http.send(authorized(uri("/api/rulebase")).GET().build(), BodyHandlers.ofString()).body());
		assertThat(rulebase.get("version").asString()).startsWith("sha256:");
		assertThat(stream(rulebase.get("rules")).map(r -> r.get("ruleId").asString())).contains("ACC-001", "RAT-003");
	}

	@Test
	void theOpenApiDocumentAndSwaggerUiAreServed() throws Exception {
		HttpResponse<String> docs = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build(),
				BodyHandlers.ofString());
		assertThat(docs.statusCode()).isEqualTo(200);
		JsonNode openApi = json.readTree(docs.body());
		assertThat(openApi.get("paths").propertyNames()).contains("/api/assessments/evaluate", "/api/assessments",
				"/api/assessments/{id}", "/api/assessments/{id}/submit", "/api/vocabulary");
		HttpResponse<String> ui = http.send(HttpRequest.newBuilder(uri("/swagger-ui/index.html")).GET().build(),
				BodyHandlers.ofString());
		assertThat(ui.statusCode()).isEqualTo(200);
	}

	private ObjectNode example() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/proposals/spec-example.json")) {
			return (ObjectNode) json.readTree(in);
		}
	}

	private HttpResponse<String> post(String body) throws Exception {
		return http.send(authorized(uri("/api/assessments/evaluate"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	/** Requests as the demo ambassador, with HTTP Basic. */
	private static HttpRequest.Builder authorized(URI uri) {
		return HttpRequest.newBuilder(uri).header("Authorization", BASIC);
	}

	private static final String BASIC = "Basic " + java.util.Base64.getEncoder()
		.encodeToString("ambassador:demo".getBytes(StandardCharsets.UTF_8));

	@Test
	void theApiNeedsSigningIn() throws Exception {
		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/assessments/evaluate"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(example().toString()))
			.build(), BodyHandlers.ofString());
		assertProblem(anonymous, 401);
		HttpResponse<String> wrongPassword = http.send(HttpRequest.newBuilder(uri("/api/vocabulary"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("ambassador:nope".getBytes(StandardCharsets.UTF_8)))
			.build(), BodyHandlers.ofString());
		assertThat(wrongPassword.statusCode()).isEqualTo(401);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private void assertProblem(HttpResponse<String> response, int status) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith(PROBLEM_JSON));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

	private static Stream<JsonNode> stream(JsonNode array) {
		return array.valueStream();
	}

	private static int order(String rating) {
		return List.of("LOW", "MODERATE", "HIGH", "SEVERE").indexOf(rating);
	}

}
