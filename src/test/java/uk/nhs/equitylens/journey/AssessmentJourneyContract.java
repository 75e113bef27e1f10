package uk.nhs.equitylens.journey;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ambassador's journey over the API, run against each database (H2 and PostgreSQL): a draft is
 * saved and resumed, a failed submit changes nothing, a submit stores an evaluation, mitigation
 * responses add one, and nothing is ever overwritten.
 */
abstract class AssessmentJourneyContract {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	uk.nhs.equitylens.lens.ActiveRulebase active;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aDraftIsSavedResumedAndSubmittedWithItsEvaluationKept() throws Exception {
		ObjectNode draft = json.createObjectNode().put("title", "Online-only hearing aftercare").put("board", "PLANNED_CARE");

		HttpResponse<String> created = send("POST", "/api/assessments", draft.toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode assessment = json.readTree(created.body());
		String id = assessment.get("id").asString();
		assertThat(assessment.get("status").asString()).isEqualTo("DRAFT");
		assertThat(assessment.get("formVersion").asString()).isEqualTo("hiia/2");
		assertThat(created.headers().firstValue("Location")).hasValue("/api/assessments/" + id);

		ObjectNode full = example();
		assertThat(send("PUT", "/api/assessments/" + id, full.toString()).statusCode()).isEqualTo(200);
		JsonNode resumed = json.readTree(send("GET", "/api/assessments/" + id, null).body());
		assertThat(resumed.get("answers")).isEqualTo(full);
		assertThat(resumed.get("evaluations")).isEmpty();

		HttpResponse<String> submitted = send("POST", "/api/assessments/" + id + "/submit", null);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		JsonNode after = json.readTree(submitted.body());
		assertThat(after.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(after.get("evaluations")).hasSize(1);
		JsonNode evaluation = after.get("evaluations").get(0);
		assertThat(evaluation.get("reason").asString()).isEqualTo("SUBMITTED");
		assertThat(evaluation.get("rulebaseVersion").asString()).startsWith("sha256:");
		assertThat(evaluation.get("result").get("rating").asString()).isIn("HIGH", "SEVERE");
		assertThat(jdbc.queryForObject("select fired_rules from evaluation where assessment_id = ?", String.class,
				UUID.fromString(id))).contains("ACC-001", "DIGITAL_ONLY");

		HttpResponse<String> again = send("POST", "/api/assessments/" + id + "/submit", null);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
	}

	@Test
	void aFailedSubmitStoresNothingAndLosesNoAnswer() throws Exception {
		ObjectNode partial = example();
		partial.remove("summary");
		((ObjectNode) partial.get("cohorts").get(0)).put("impact", "TERRIBLE");
		String id = json.readTree(send("POST", "/api/assessments", partial.toString()).body()).get("id").asString();

		HttpResponse<String> refused = send("POST", "/api/assessments/" + id + "/submit", null);

		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(refused.body());
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
			.contains("summary", "cohorts[0].impact");
		JsonNode kept = json.readTree(send("GET", "/api/assessments/" + id, null).body());
		assertThat(kept.get("status").asString()).isEqualTo("DRAFT");
		assertThat(kept.get("answers")).isEqualTo(partial);
		assertThat(kept.get("evaluations")).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from evaluation where assessment_id = ?", Integer.class,
				UUID.fromString(id))).isZero();
	}

	@Test
	void createAndSubmitAtOnceStoresNothingWhenInvalid() throws Exception {
		ObjectNode invalid = example();
		((ObjectNode) invalid.get("population")).put("affected", -5);
		int before = jdbc.queryForObject("select count(*) from assessment", Integer.class);

		HttpResponse<String> refused = send("POST", "/api/assessments?submit=true", invalid.toString());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from assessment", Integer.class)).isEqualTo(before);
		HttpResponse<String> accepted = send("POST", "/api/assessments?submit=true", example().toString());
		assertThat(accepted.statusCode()).isEqualTo(201);
		assertThat(json.readTree(accepted.body()).get("status").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void respondingToMitigationsAddsAnEvaluationAndLowersTheResidualRating() throws Exception {
		ObjectNode document = example();
		document.remove("mitigations");
		String id = json.readTree(send("POST", "/api/assessments?submit=true", document.toString()).body())
			.get("id").asString();
		ObjectNode responses = json.createObjectNode();
		responses.putArray("mitigations").addObject().put("code", "NON_DIGITAL_ROUTE").put("status", "COMMITTED")
			.put("owner", "Service manager").put("due", "2027-03-31");
		responses.putObject("declined").put("PHASED_IMPLEMENTATION", "The pilot ran in 2025; see the evaluation report.");

		HttpResponse<String> revised = send("PUT", "/api/assessments/" + id + "/mitigations", responses.toString());

		assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
		JsonNode evaluations = json.readTree(revised.body()).get("evaluations");
		assertThat(evaluations).hasSize(2);
		JsonNode latest = evaluations.get(0).get("result");
		JsonNode first = evaluations.get(1).get("result");
		assertThat(evaluations.get(0).get("reason").asString()).isEqualTo("MITIGATIONS");
		assertThat(latest.get("residualScore").asInt()).isLessThan(first.get("residualScore").asInt());
		assertThat(order(latest.get("residualRating").asString())).isLessThan(order(first.get("residualRating").asString()));
		assertThat(json.readTree(revised.body()).get("answers").get("mitigationsDeclined").get("PHASED_IMPLEMENTATION")
			.asString()).startsWith("The pilot ran");
	}

	@Test
	void assessmentsAreListedByBoardAndStatus() throws Exception {
		ObjectNode digital = json.createObjectNode().put("title", "Patient portal letters").put("board", "DIGITAL");
		send("POST", "/api/assessments", digital.toString());

		JsonNode drafts = json.readTree(send("GET", "/api/assessments?board=DIGITAL&status=DRAFT", null).body());

		assertThat(drafts.get("content").valueStream().map(a -> a.get("board").asString())).isNotEmpty()
			.allMatch("DIGITAL"::equals);
		assertThat(drafts.get("totalElements").asLong()).isPositive();
		assertThat(send("GET", "/api/assessments?status=WAITING", null).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/api/assessments/" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
	}

	@Test
	void aDraftNeedsATitleAndAKnownBoard() throws Exception {
		HttpResponse<String> refused = send("POST", "/api/assessments",
				json.createObjectNode().put("board", "NOWHERE").toString());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json.readTree(refused.body()).get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("title", "board");
	}

	@Test
	void theBoardRequestsChangesThenApprovesWithAnOverrideAndTheAmbassadorFollowsUp() throws Exception {
		ObjectNode document = example();
		document.remove("mitigations");
		JsonNode submitted = json.readTree(send("POST", "/api/assessments?submit=true", document.toString()).body());
		String id = submitted.get("id").asString();
		String decisions = "/api/assessments/" + id + "/decisions";

		JsonNode queue = json.readTree(send("board.member", "GET", "/api/reviews/queue", null).body());
		assertThat(queue.get("waiting").valueStream().map(q -> q.get("id").asString())).contains(id);
		assertThat(send("ambassador", "GET", "/api/reviews/queue", null).statusCode()).isEqualTo(403);

		long version = json.readTree(send("board.member", "GET", "/api/assessments/" + id, null).body()).get("version").asLong();
		ObjectNode approve = json.createObjectNode().put("decision", "APPROVED").put("reason", "Needed now").put("version", version);
		HttpResponse<String> needsOverride = send("board.member", "POST", decisions, approve.toString());
		assertThat(needsOverride.statusCode()).isEqualTo(400);
		assertThat(needsOverride.body()).contains("overrideJustification", "residual rating is HIGH", "no response");
		HttpResponse<String> stale = send("board.member", "POST", decisions,
				approve.deepCopy().put("version", version - 1).put("overrideJustification", "x").toString());
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(send("ambassador", "POST", decisions, approve.toString()).statusCode()).isEqualTo(403);

		ObjectNode changes = json.createObjectNode().put("decision", "CHANGES_REQUESTED")
			.put("reason", "Keep a phone route and say how you will monitor by deprivation").put("version", version);
		assertThat(send("board.member", "POST", decisions, changes.toString()).statusCode()).isEqualTo(201);
		assertThat(send("board.member", "POST", "/api/assessments/" + id + "/comments",
				json.createObjectNode().put("body", "Talk to the audiology patient panel first.").toString()).statusCode()).isEqualTo(201);
		JsonNode comments = json.readTree(send("GET", "/api/assessments/" + id + "/comments", null).body());
		assertThat(comments.get(0).get("body").asString()).isEqualTo("Talk to the audiology patient panel first.");
		assertThat(json.readTree(send("GET", "/api/assessments/" + id, null).body()).get("status").asString())
			.isEqualTo("CHANGES_REQUESTED");

		ObjectNode changed = example();
		((ObjectNode) changed.get("monitoring")).put("planned", true).put("byDeprivation", true).put("byEthnicity", true);
		assertThat(send("PUT", "/api/assessments/" + id, changed.toString()).statusCode()).isEqualTo(200);
		HttpResponse<String> resubmitted = send("POST", "/api/assessments/" + id + "/submit", null);
		assertThat(resubmitted.statusCode()).as(resubmitted.body()).isEqualTo(200);
		JsonNode after = json.readTree(resubmitted.body());
		assertThat(after.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(after.get("evaluations")).hasSize(2);

		ObjectNode override = json.createObjectNode().put("decision", "APPROVED").put("reason", "Contract ends in March")
			.put("overrideJustification", "The phone route is committed; the residual risk is accepted for 3 months")
			.put("version", after.get("version").asLong());
		HttpResponse<String> approved = send("board.member", "POST", decisions, override.toString());
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
		assertThat(json.readTree(approved.body()).get("overridden").asBoolean()).isTrue();
		JsonNode decided = json.readTree(send("GET", "/api/assessments/" + id, null).body());
		assertThat(decided.get("status").asString()).isEqualTo("APPROVED");
		assertThat(json.readTree(send("GET", decisions, null).body())).hasSize(2);
		JsonNode overrides = json.readTree(send("governance", "GET", "/api/reviews/overrides", null).body());
		assertThat(overrides.valueStream().map(o -> o.get("assessmentId").asString())).contains(id);
		assertThat(jdbc.queryForObject("select count(*) from assessment where id = ? and review_due is not null",
				Integer.class, UUID.fromString(id))).isEqualTo(1);

		String review = "/api/assessments/" + id + "/review";
		assertThat(send("board.member", "POST", review, json.createObjectNode().put("close", true).toString()).statusCode())
			.isEqualTo(409);
		ObjectNode followUp = json.createObjectNode().put("whatHappened", "Online bookings rose; phone bookings held at 30%.");
		followUp.putObject("mitigationsDelivered").put("NON_DIGITAL_ROUTE", true);
		assertThat(send("POST", review, followUp.toString()).statusCode()).isEqualTo(201);
		assertThat(send("board.member", "POST", review, json.createObjectNode().put("close", true).toString()).statusCode())
			.isEqualTo(201);
	}

	@Test
	void anApprovalWithConditionsRecordsThem() throws Exception {
		ObjectNode document = example();
		((ObjectNode) document.get("monitoring")).put("planned", true).put("byDeprivation", true).put("byEthnicity", true);
		String id = json.readTree(send("POST", "/api/assessments?submit=true", document.toString()).body())
			.get("id").asString();
		long version = json.readTree(send("board.member", "GET", "/api/assessments/" + id, null).body()).get("version").asLong();
		ObjectNode decision = json.createObjectNode().put("decision", "APPROVED_WITH_CONDITIONS").put("reason", "Proportionate")
			.put("overrideJustification", "Accepted for a three-month pilot").put("version", version);

		HttpResponse<String> missingConditions = send("board.member", "POST", "/api/assessments/" + id + "/decisions",
				decision.toString());
		assertThat(missingConditions.statusCode()).isEqualTo(400);
		assertThat(missingConditions.body()).contains("conditions");
		HttpResponse<String> approved = send("board.member", "POST", "/api/assessments/" + id + "/decisions",
				decision.put("conditions", "Report phone bookings by IMD quintile monthly").toString());

		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
		assertThat(json.readTree(send("GET", "/api/assessments/" + id, null).body()).get("status").asString())
			.isEqualTo("APPROVED_WITH_CONDITIONS");
		assertThat(json.readTree(approved.body()).get("conditions").asString()).startsWith("Report phone bookings");
	}

	@Test
	void simultaneousMitigationResponsesNeverFailWithA500() throws Exception {
		String id = json.readTree(send("POST", "/api/assessments?submit=true", example().toString()).body())
			.get("id").asString();
		ObjectNode responses = json.createObjectNode();
		responses.putArray("mitigations").addObject().put("code", "NON_DIGITAL_ROUTE").put("status", "DONE")
			.put("owner", "Service manager").put("due", "2027-03-31");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return send("PUT", "/api/assessments/" + id + "/mitigations", responses.toString()).statusCode();
				}));
			}
			start.countDown();
			List<Integer> statuses = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).allMatch(s -> s == 200 || s == 409).contains(200);
		}
		finally {
			pool.shutdownNow();
		}
		JsonNode after = json.readTree(send("GET", "/api/assessments/" + id, null).body());
		List<Integer> sequences = after.get("evaluations").valueStream().map(e -> e.get("sequence").asInt()).toList();
		assertThat(sequences).doesNotHaveDuplicates();
	}

	@Test
	void twoDecisionsAtOnceStoreExactlyOne() throws Exception {
		String id = json.readTree(send("POST", "/api/assessments?submit=true", example().toString()).body())
			.get("id").asString();
		long version = json.readTree(send("board.member", "GET", "/api/assessments/" + id, null).body()).get("version").asLong();
		String body = json.createObjectNode().put("decision", "REJECTED").put("reason", "Not safe").put("version", version)
			.toString();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
			for (int i = 0; i < 2; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return send("board.member", "POST", "/api/assessments/" + id + "/decisions", body).statusCode();
				}));
			}
			start.countDown();
			List<Integer> statuses = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.queryForObject("select count(*) from decision where assessment_id = ?", Integer.class,
				UUID.fromString(id))).isEqualTo(1);
	}

	@Test
	void everyEvaluationAndDecisionIsInTheAuditChainAndReplaysIdenticallyAcrossARuleChange() throws Exception {
		ObjectNode document = example();
		document.remove("mitigations");
		JsonNode submitted = json.readTree(send("POST", "/api/assessments?submit=true", document.toString()).body());
		String id = submitted.get("id").asString();
		String first = submitted.get("evaluations").get(0).get("id").asString();
		String versionA = submitted.get("evaluations").get(0).get("rulebaseVersion").asString();

		uk.nhs.equitylens.lens.Rulebase original = active.rulebase();
		try {
			active.activate(changedRulebase());
			ObjectNode responses = json.createObjectNode();
			responses.putArray("mitigations").addObject().put("code", "NON_DIGITAL_ROUTE").put("status", "COMMITTED")
				.put("owner", "Service manager").put("due", "2027-03-31");
			JsonNode revised = json.readTree(send("PUT", "/api/assessments/" + id + "/mitigations", responses.toString()).body());
			String second = revised.get("evaluations").get(0).get("id").asString();
			assertThat(revised.get("evaluations").get(0).get("rulebaseVersion").asString()).isNotEqualTo(versionA);

			JsonNode replayFirst = json.readTree(send("governance", "GET",
					"/api/assessments/" + id + "/evaluations/" + first + "/replay", null).body());
			assertThat(replayFirst.get("identical").asBoolean()).isTrue();
			assertThat(replayFirst.get("rulebaseVersion").asString()).isEqualTo(versionA);
			assertThat(replayFirst.get("replayed")).isEqualTo(replayFirst.get("stored"));
			JsonNode replaySecond = json.readTree(send("governance", "GET",
					"/api/assessments/" + id + "/evaluations/" + second + "/replay", null).body());
			assertThat(replaySecond.get("identical").asBoolean()).isTrue();
			assertThat(send("ambassador", "GET", "/api/assessments/" + id + "/evaluations/" + first + "/replay", null)
				.statusCode()).isEqualTo(403);
		}
		finally {
			active.activate(original);
		}

		JsonNode trail = json.readTree(send("governance", "GET", "/api/assessments/" + id + "/audit", null).body());
		assertThat(trail.valueStream().map(e -> e.get("kind").asString())).containsExactly("EVALUATION", "EVALUATION");
		assertThat(trail.get(0).get("content").get("firedRules").toString()).contains("ACC-001", "DIGITAL_ONLY");
		assertThat(trail.get(0).get("content").get("document").get("title").asString()).isEqualTo(document.get("title").asString());
		JsonNode verified = json.readTree(send("governance", "GET", "/api/audit/verify", null).body());
		assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
		assertThat(verified.get("entries").asLong()).isGreaterThanOrEqualTo(2);
	}

	/** The project's rules with one policy number changed: a HIGH barrier weighs 20 points instead of 10. */
	private static uk.nhs.equitylens.lens.Rulebase changedRulebase() {
		java.util.List<uk.nhs.equitylens.lens.RuleFile> files = new java.util.ArrayList<>();
		for (uk.nhs.equitylens.lens.RuleFile file : uk.nhs.equitylens.lens.RuleFiles.fromFolder(java.nio.file.Path.of("rules"))) {
			files.add(uk.nhs.equitylens.lens.RuleFile.of(file.path(), file.text().replace("HIGH,10,", "HIGH,20,")));
		}
		return new uk.nhs.equitylens.lens.RulebaseLoader().load(files);
	}

	protected ObjectNode example() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			return (ObjectNode) json.readTree(in);
		}
	}

	protected HttpResponse<String> send(String method, String path, String body) throws Exception {
		return send("ambassador", method, path, body);
	}

	/** Sends as a demo account, with HTTP Basic. */
	protected HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		return http.send(request.build(), BodyHandlers.ofString());
	}

	private static int order(String rating) {
		return List.of("LOW", "MODERATE", "HIGH", "SEVERE").indexOf(rating);
	}

}
