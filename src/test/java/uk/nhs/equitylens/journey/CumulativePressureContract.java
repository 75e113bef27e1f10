package uk.nhs.equitylens.journey;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cumulative pressure (lens v2, property 10), run against each database: an evaluation counts the
 * other pending or approved assessments of the window that leave the same cohorts worse off in
 * overlapping areas (a shared LSOA or the same district), stores that context, and its replay uses
 * the stored context after the others are decided. Each test works in districts of its own, so
 * that tests sharing the application context (and its database) never count each other.
 */
abstract class CumulativePressureContract {

	/** Norwich 001A and 001B: two LSOAs of one district. */
	private static final String NORWICH_A = "E01026791";

	private static final String NORWICH_B = "E01026792";

	private static final String SHEFFIELD = "E01007823";

	/** City of London 001A: used by no other test. */
	private static final String CITY = "E01000001";

	private static final String LEWISHAM = "E01003189";

	private static final String CORNWALL = "E01018750";

	private static final String BOLSOVER = "E01019478";

	private static final String BLACKPOOL = "E01012662";

	private static final String HASTINGS = "E01020969";

	private static final String CARLISLE_A = "E01019188";

	private static final String CARLISLE_B = "E01019189";

	private static final String BARROW_A = "E01019138";

	private static final String BARROW_B = "E01019139";

	/** The example's cohorts worse off. */
	private static final List<String> WORSE_OFF = List.of("CORE20", "OLDER_PEOPLE", "AGE", "DISABILITY");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	TestClock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aSecondProposalInTheSameDistrictCountsTheFirstAndStoresIt() throws Exception {
		JsonNode first = submit(proposal("Norwich first", NORWICH_A));
		JsonNode second = submit(proposal("Norwich second", NORWICH_B));

		assertThat(firedRules(latest(first))).doesNotContain("CUM-001");
		assertThat(firedRules(latest(second))).contains("CUM-001");
		JsonNode cumulative = latest(second).get("cumulative");
		assertThat(cumulative.get("count").asInt()).isEqualTo(1);
		assertThat(cumulative.get("proposals").get(0).get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(cumulative.get("proposals").get(0).get("title").asString()).isEqualTo("Norwich first");
		assertThat(cumulative.get("proposals").get(0).get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(cumulative.get("cohorts").valueStream().map(JsonNode::asString).toList()).isEqualTo(WORSE_OFF);
		assertThat(latest(second).get("findings").valueStream().map(f -> f.get("domain").asString()))
			.contains("cumulative");

		// a response to the mitigations re-evaluates, and counts again
		ObjectNode responses = json.createObjectNode();
		responses.putArray("mitigations").addObject().put("code", "NON_DIGITAL_ROUTE").put("status", "COMMITTED")
			.put("owner", "Service manager").put("due", "2027-03-31");
		HttpResponse<String> revised = send("ambassador", "PUT",
				"/api/assessments/" + second.get("id").asString() + "/mitigations", responses.toString());
		assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
		assertThat(latest(json.readTree(revised.body())).get("cumulative").get("count").asInt()).isEqualTo(1);
	}

	@Test
	void anotherBoardsProposalIsCountedButNeverNamed() throws Exception {
		ObjectNode digital = proposal("City digital-board secret", CITY);
		digital.put("board", "DIGITAL");
		submit(digital);

		JsonNode planned = submit(proposal("City planned care", CITY));

		JsonNode cumulative = latest(planned).get("cumulative");
		assertThat(cumulative.get("count").asInt()).isEqualTo(1);
		JsonNode other = cumulative.get("proposals").get(0);
		assertThat(other.get("board").asString()).isEqualTo("DIGITAL");
		assertThat(other.path("title").isNull() || other.path("title").isMissingNode()).isTrue();
		assertThat(other.path("id").isNull() || other.path("id").isMissingNode()).isTrue();
		assertThat(latest(planned).toString()).doesNotContain("digital-board secret")
			.contains("a proposal of the Digital and Data board");
	}

	@Test
	void aSharedLsoaOverlapsAndAnApprovedProposalCounts() throws Exception {
		JsonNode first = submit(proposal("Sheffield first", SHEFFIELD));
		decide(first, json.createObjectNode().put("decision", "APPROVED").put("reason", "Needed now")
			.put("overrideJustification", "Accepted for a three-month pilot"));

		JsonNode second = submit(proposal("Sheffield and Lewisham", LEWISHAM, SHEFFIELD));

		JsonNode cumulative = latest(second).get("cumulative");
		assertThat(cumulative.get("count").asInt()).isEqualTo(1);
		assertThat(cumulative.get("proposals").get(0).get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(cumulative.get("proposals").get(0).get("status").asString()).isEqualTo("APPROVED");
	}

	@Test
	void proposalsInDifferentDistrictsAreNoPressure() throws Exception {
		submit(proposal("Cornwall", CORNWALL));

		JsonNode second = submit(proposal("Bolsover", BOLSOVER));

		assertThat(firedRules(latest(second))).doesNotContain("CUM-001");
		assertThat(latest(second).has("cumulative")).as("no cumulative context").isFalse();
	}

	@Test
	void proposalsThatLeaveDifferentCohortsWorseOffAreNoPressure() throws Exception {
		submit(proposal("Blackpool", BLACKPOOL));
		ObjectNode other = proposal("Blackpool rural", BLACKPOOL);
		for (JsonNode cohort : other.get("cohorts")) {
			ObjectNode answer = (ObjectNode) cohort;
			if (WORSE_OFF.contains(answer.get("code").asString())) {
				answer.put("impact", "NEUTRAL").put("evidence", "Checked against the user profile: no different effect.");
			}
			else if (answer.get("code").asString().equals("RURAL_ISOLATED")) {
				answer.put("impact", "NEGATIVE").put("evidence", "The nearest other clinic is 30 miles away.");
			}
		}

		JsonNode second = submit(other);

		assertThat(firedRules(latest(second))).doesNotContain("CUM-001");
		assertThat(latest(second).has("cumulative")).as("no cumulative context").isFalse();
	}

	@Test
	void onlyProposalsEvaluatedWithinTheWindowCount() throws Exception {
		JsonNode oldest = submit(proposal("Hastings oldest", HASTINGS));
		clock.advanceMonths(11);
		JsonNode middle = submit(proposal("Hastings eleven months on", HASTINGS));
		assertThat(ids(latest(middle))).containsExactly(oldest.get("id").asString());
		clock.advanceMonths(2);

		JsonNode latest = submit(proposal("Hastings thirteen months on", HASTINGS));

		assertThat(ids(latest(latest))).containsExactly(middle.get("id").asString());
	}

	@Test
	void aReplayUsesTheStoredContextAfterTheOtherProposalIsRejected() throws Exception {
		JsonNode first = submit(proposal("Carlisle first", CARLISLE_A));
		JsonNode second = submit(proposal("Carlisle second", CARLISLE_B));
		assertThat(ids(latest(second))).containsExactly(first.get("id").asString());
		decide(first, json.createObjectNode().put("decision", "REJECTED").put("reason", "Not safe"));
		HttpResponse<String> now = send("ambassador", "POST", "/api/assessments/evaluate",
				second.get("answers").toString());
		assertThat(ids(json.readTree(now.body()))).doesNotContain(first.get("id").asString());

		String evaluation = second.get("evaluations").get(0).get("id").asString();
		JsonNode replay = json.readTree(send("governance", "GET",
				"/api/assessments/" + second.get("id").asString() + "/evaluations/" + evaluation + "/replay", null).body());

		assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
		assertThat(replay.get("replayable").asBoolean()).isTrue();
		assertThat(replay.get("replayed")).isEqualTo(replay.get("stored"));
		assertThat(firedRules(replay.get("replayed"))).contains("CUM-001");
	}

	@Test
	void theDryRunCountsStoredProposalsAndAProposalNamingNoAreasHasNoOverlap() throws Exception {
		JsonNode first = submit(proposal("Barrow first", BARROW_A));

		HttpResponse<String> dryRun = send("ambassador", "POST", "/api/assessments/evaluate",
				proposal("Barrow dry run", BARROW_B).toString());
		ObjectNode nowhere = proposal("No areas");
		HttpResponse<String> noAreas = send("ambassador", "POST", "/api/assessments/evaluate", nowhere.toString());

		assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
		assertThat(ids(json.readTree(dryRun.body()))).containsExactly(first.get("id").asString());
		assertThat(firedRules(json.readTree(dryRun.body()))).contains("CUM-001");
		assertThat(noAreas.statusCode()).as(noAreas.body()).isEqualTo(200);
		assertThat(json.readTree(noAreas.body()).has("cumulative")).as("no cumulative context").isFalse();
	}

	private ObjectNode proposal(String title, String... areas) throws Exception {
		ObjectNode document;
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			document = (ObjectNode) json.readTree(in);
		}
		document.put("title", title);
		ArrayNode named = ((ObjectNode) document.get("population")).putArray("areas");
		for (String area : areas) {
			named.add(area);
		}
		return document;
	}

	/** Creates and submits; returns the assessment with its evaluations. */
	private JsonNode submit(ObjectNode document) throws Exception {
		HttpResponse<String> created = send("ambassador", "POST", "/api/assessments?submit=true", document.toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(send("ambassador", "GET", "/api/assessments/" + json.readTree(created.body()).get("id")
			.asString(), null).body());
	}

	private void decide(JsonNode assessment, ObjectNode decision) throws Exception {
		String id = assessment.get("id").asString();
		long version = json.readTree(send("board.member", "GET", "/api/assessments/" + id, null).body()).get("version")
			.asLong();
		HttpResponse<String> decided = send("board.member", "POST", "/api/assessments/" + id + "/decisions",
				decision.put("version", version).toString());
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
	}

	private static JsonNode latest(JsonNode assessment) {
		return assessment.get("evaluations").get(0).get("result");
	}

	private static Set<String> firedRules(JsonNode result) {
		return Set.copyOf(result.get("firedRules").valueStream().map(JsonNode::asString).toList());
	}

	private static List<String> ids(JsonNode result) {
		JsonNode cumulative = result.path("cumulative");
		return cumulative.path("proposals").valueStream().map(p -> p.get("id").asString()).toList();
	}

	private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		request.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		return http.send(request.build(), BodyHandlers.ofString());
	}

}
