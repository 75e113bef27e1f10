package uk.nhs.equitylens.rulebase;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.web.ApiClient;
import uk.nhs.equitylens.web.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Governance sees where ambassadors and the lens disagree, per board and per rule, over each
 * assessment's latest evaluation that carries the ambassador's own rating: real assessments stored
 * through the API, counted by {@code GET /api/governance/disagreements} and on the governance page.
 * The test context's database is shared with other tests, so the counts are checked as what these
 * assessments add.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DisagreementsTest {

	/** What the lens rates the spec example (checked below, as every count depends on it). */
	private static final String LENS = "HIGH";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port, json);
	}

	@Test
	void countsPerBoardAndPerRuleWhereTheAmbassadorRatesLowerTheSameOrHigher() throws Exception {
		JsonNode before = api.get("governance", "/api/governance/disagreements");

		List<String> harmRules = submit("PLANNED_CARE", "MODERATE");
		submit("PLANNED_CARE", "LOW");
		submit("PLANNED_CARE", "SEVERE");
		submit("PLANNED_CARE", null);
		submit("DIGITAL", LENS);

		JsonNode after = api.get("governance", "/api/governance/disagreements");
		assertThat(added(before, after, "boards", "PLANNED_CARE")).containsExactly(3, 2, 0, 1);
		assertThat(added(before, after, "boards", "DIGITAL")).containsExactly(1, 0, 1, 0);
		assertThat(harmRules).contains("ACC-001", "COH-001");
		for (String rule : harmRules) {
			assertThat(added(before, after, "rules", rule)).as(rule).containsExactly(4, 2, 1, 1);
		}
		// assurance findings (evidence, engagement, monitoring gaps) are not harm: no rule of theirs is counted
		assertThat(after.get("rules").propertyNames()).doesNotContain("EVD-001", "ENG-001", "MON-001");
		assertThat(api.send("board.member", "GET", "/api/governance/disagreements", null).statusCode()).isEqualTo(403);
	}

	@Test
	void onlyTheLatestEvaluationCounts() throws Exception {
		ObjectNode document = api.example("Disagreement counted once");
		document.put("board", "DIGITAL");
		document.putObject("assessorView").put("rating", "LOW").put("reason", "Most users book online already.");
		JsonNode assessment = api.submit(document);
		JsonNode before = api.get("governance", "/api/governance/disagreements");

		// responding to the mitigations re-evaluates: a second evaluation, still one assessment
		ObjectNode responses = json.createObjectNode();
		responses.putArray("mitigations").addObject().put("code", "DIGITAL_SUPPORT").put("status", "COMMITTED")
			.put("owner", "Digital inclusion lead").put("due", "2027-06-30");
		assertThat(api.send("ambassador", "PUT", "/api/assessments/" + assessment.get("id").asString() + "/mitigations",
				responses.toString()).statusCode()).isEqualTo(200);

		JsonNode after = api.get("governance", "/api/governance/disagreements");
		assertThat(added(before, after, "boards", "DIGITAL")).containsExactly(0, 0, 0, 0);
	}

	@Test
	void theGovernancePageShowsTheDisagreementsPerBoardAndPerRule() throws Exception {
		submit("PLANNED_CARE", "MODERATE");
		JsonNode counts = api.get("governance", "/api/governance/disagreements");
		JsonNode planned = counts.get("boards").get("PLANNED_CARE");

		String page = WebSession.signIn(port, "governance", "demo").get("/governance").body();

		assertThat(page).contains("id=\"disagreements\"", "Where ambassadors and the lens disagree");
		String byBoard = page.substring(page.indexOf("id=\"disagreements-by-board\""), page.indexOf("id=\"disagreements-by-rule\""));
		assertThat(byBoard).containsSubsequence("Elective and Planned Care</th>",
				">" + planned.get("assessments").asInt() + "</td>", ">" + planned.get("lower").asInt() + "</td>",
				">" + planned.get("same").asInt() + "</td>", ">" + planned.get("higher").asInt() + "</td>");
		String byRule = page.substring(page.indexOf("id=\"disagreements-by-rule\""));
		JsonNode acc = counts.get("rules").get("ACC-001");
		assertThat(byRule).containsSubsequence("ACC-001</th>", ">" + acc.get("assessments").asInt() + "</td>",
				">" + acc.get("lower").asInt() + "</td>");
	}

	/** Submits the spec example to {@code board} with the ambassador's rating (none when null); its harm rule ids. */
	private List<String> submit(String board, String assessorRating) throws Exception {
		ObjectNode document = api.example("Disagreement " + board + " " + assessorRating);
		document.put("board", board);
		if (assessorRating != null) {
			document.putObject("assessorView").put("rating", assessorRating).put("reason", "The ambassador's reading.");
		}
		JsonNode result = api.submit(document).get("evaluations").get(0).get("result");
		assertThat(result.get("rating").asString()).isEqualTo(LENS);
		return result.get("findings").valueStream()
			.filter(f -> !f.get("kind").asString().equals("assurance"))
			.map(f -> f.get("ruleId").asString())
			.distinct()
			.toList();
	}

	/** What the assessments submitted in between added to one tally: assessments, lower, same, higher. */
	private static List<Integer> added(JsonNode before, JsonNode after, String section, String key) {
		return List.of("assessments", "lower", "same", "higher").stream()
			.map(count -> after.path(section).path(key).path(count).asInt(0) - before.path(section).path(key).path(count).asInt(0))
			.toList();
	}

}
