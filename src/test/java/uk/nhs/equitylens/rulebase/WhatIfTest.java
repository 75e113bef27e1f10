package uk.nhs.equitylens.rulebase;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A what-if run of a candidate rulebase over stored assessments: in the background, followed by
 * polling, with the rating matrix, rules starting and stopping, mitigations gained and lost, per
 * board, a CSV export with spreadsheet formulas neutralised, and cancellation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WhatIfTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aCandidateThatWeighsHighFindingsMoreRaisesRatingsAndTheReportSaysWhere(@TempDir Path temp) throws Exception {
		for (int i = 0; i < 4; i++) {
			ObjectNode document = example();
			document.put("title", i == 0 ? "=HYPERLINK(\"http://example.org\")" : "Online booking " + i);
			if (i % 2 == 1) {
				document.put("board", "DIGITAL");
			}
			((ObjectNode) document.get("population")).put("affected", 800 + i);
			((ObjectNode) document.get("monitoring")).put("planned", true).put("byDeprivation", true).put("byEthnicity", true);
			assertThat(send("ambassador", "POST", "/api/assessments?submit=true", document.toString()).statusCode())
				.isEqualTo(201);
		}
		String candidate = candidate(temp, "HIGH,10,", "HIGH,40,");

		JsonNode report = runToTheEnd(candidate, null).get("report");

		assertThat(report.get("assessed").asInt()).isGreaterThanOrEqualTo(4);
		assertThat(report.get("changed").asInt()).isPositive();
		assertThat(report.get("ratings").toString()).contains("SEVERE");
		assertThat(report.get("boards").has("DIGITAL")).isTrue();
		assertThat(report.get("boards").has("PLANNED_CARE")).isTrue();

		JsonNode dashboard = json.readTree(send("governance", "GET", "/api/dashboard", null).body());
		assertThat(dashboard.get("DIGITAL").get("assessments").asInt()).isPositive();
		assertThat(dashboard.get("PLANNED_CARE").get("findingsByRule").has("ACC-001")).isTrue();
		assertThat(send("board.member", "GET", "/api/dashboard", null).statusCode()).isEqualTo(403);

		String board = runToTheEnd(candidate, "DIGITAL").get("report").get("boards").propertyNames().toString();
		assertThat(board).contains("DIGITAL").doesNotContain("PLANNED_CARE");
	}

	@Test
	void theCsvNeutralisesFormulasAndARunCanBeCancelled(@TempDir Path temp) throws Exception {
		ObjectNode formula = example();
		formula.put("title", "=cmd|' /C calc'!A0");
		send("ambassador", "POST", "/api/assessments?submit=true", formula.toString());
		String candidate = candidate(temp, "HIGH,10,", "HIGH,40,");
		JsonNode run = runToTheEnd(candidate, null);

		HttpResponse<String> csv = send("governance", "GET", "/api/whatif/" + run.get("id").asString() + "/report.csv", null);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(csv.body()).startsWith("assessment_id,title,board").contains("\"'=cmd|' /C calc'!A0\"")
			.doesNotContain(",\"=cmd");

		for (int i = 0; i < 150; i++) {
			send("ambassador", "POST", "/api/assessments?submit=true", example().toString());
		}
		String id = json.readTree(send("governance", "POST", "/api/whatif",
				json.createObjectNode().put("candidate", candidate).toString()).body()).get("id").asString();
		send("governance", "POST", "/api/whatif/" + id + "/cancel", null);
		JsonNode cancelled = waitForTheEnd(id);
		assertThat(cancelled.get("status").asString()).isIn("CANCELLED", "DONE");
		assertThat(send("ambassador", "GET", "/api/whatif/" + id, null).statusCode()).isEqualTo(403);
	}

	private JsonNode runToTheEnd(String candidate, String board) throws Exception {
		ObjectNode start = json.createObjectNode().put("candidate", candidate);
		if (board != null) {
			start.put("board", board);
		}
		HttpResponse<String> started = send("governance", "POST", "/api/whatif", start.toString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		JsonNode run = waitForTheEnd(json.readTree(started.body()).get("id").asString());
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("DONE");
		assertThat(run.get("processed").asInt()).isEqualTo(run.get("total").asInt());
		return run;
	}

	private JsonNode waitForTheEnd(String id) throws Exception {
		for (int i = 0; i < 600; i++) {
			JsonNode run = json.readTree(send("governance", "GET", "/api/whatif/" + id, null).body());
			if (!run.get("status").asString().equals("RUNNING")) {
				return run;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("what-if run " + id + " did not finish");
	}

	/** The project's rules with one threshold changed, and one scenario that still holds under it. */
	private String candidate(Path temp, String from, String to) throws Exception {
		Path folder = CandidateFolders.changed(temp.resolve("candidate"), from, to, example(), json);
		HttpResponse<String> loaded = send("governance", "POST", "/api/rulebase/candidates",
				json.createObjectNode().put("folder", folder.toAbsolutePath().toString()).toString());
		assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
		return json.readTree(loaded.body()).get("version").asString();
	}

	private ObjectNode example() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			return (ObjectNode) json.readTree(in);
		}
	}

	private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)).build(),
				BodyHandlers.ofString());
	}

}
