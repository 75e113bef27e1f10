package uk.nhs.equitylens.review;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.web.ApiClient;
import uk.nhs.equitylens.web.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board approving an assessment whose assurance is WEAK needs an override justification, named
 * for that reason and recorded and flagged like one for a HIGH or SEVERE residual; over the API
 * and on the review page. Every required mitigation is answered and the residual is below HIGH, so
 * WEAK assurance is the only reason; a STRONG twin approves without one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WeakAssuranceOverrideTest {

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
	void approvingWeakAssuranceOverTheApiNeedsAJustificationNamingIt() throws Exception {
		JsonNode assessment = submitWithEveryMitigationAnswered(api.example("Weak assurance, API approval"));
		String id = assessment.get("id").asString();
		JsonNode result = assessment.get("evaluations").get(0).get("result");
		assertThat(result.get("assurance").get("level").asString()).isEqualTo("WEAK");
		assertThat(result.get("residualRating").asString()).isIn("LOW", "MODERATE");

		HttpResponse<String> refused = decide(id, assessment.get("version").asLong(), null);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode errors = json.readTree(refused.body()).get("errors");
		assertThat(errors.valueStream().map(e -> e.get("field").asString())).containsExactly("overrideJustification");
		assertThat(errors.get(0).get("message").asString())
			.isEqualTo("approving needs an override justification because assurance is WEAK");
		assertThat(api.get("ambassador", "/api/assessments/" + id).get("status").asString()).isEqualTo("SUBMITTED");

		HttpResponse<String> approved = decide(id, assessment.get("version").asLong(),
				"The pilot runs only with the patient panel reviewing engagement monthly.");

		assertThat(approved.statusCode()).isEqualTo(201);
		JsonNode decision = json.readTree(approved.body());
		assertThat(decision.get("overridden").asBoolean()).isTrue();
		assertThat(decision.get("overrideJustification").asString())
			.isEqualTo("The pilot runs only with the patient panel reviewing engagement monthly.");
		assertThat(api.get("governance", "/api/reviews/overrides").valueStream().map(d -> d.get("id").asString()))
			.contains(decision.get("id").asString());
	}

	@Test
	void approvingTheSameProposalWithStrongAssuranceNeedsNoJustification() throws Exception {
		JsonNode assessment = submitWithEveryMitigationAnswered(wellFounded(api.example("Strong assurance, API approval")));
		JsonNode result = assessment.get("evaluations").get(0).get("result");
		assertThat(result.get("assurance").get("level").asString()).isEqualTo("STRONG");

		HttpResponse<String> approved = decide(assessment.get("id").asString(), assessment.get("version").asLong(), null);

		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
		assertThat(json.readTree(approved.body()).get("overridden").asBoolean()).isFalse();
	}

	@Test
	void approvingWeakAssuranceOnTheReviewPageNeedsAJustificationNamingIt() throws Exception {
		JsonNode assessment = submitWithEveryMitigationAnswered(api.example("Weak assurance, page approval"));
		String id = assessment.get("id").asString();
		String version = assessment.get("version").asString();
		WebSession board = WebSession.signIn(port, "board.member", "demo");

		String page = board.get("/assessments/" + id + "/review").body();
		assertThat(page).contains("Approval would override the lens",
				"Approving needs a justification because assurance is WEAK.");

		HttpResponse<String> refused = board.post("/assessments/" + id + "/decisions",
				Map.of("decision", "APPROVED", "reason", "The board accepts the plan.", "version", version));

		assertThat(refused.body()).contains("nhsuk-error-summary", "href=\"#overrideJustification\"",
				"Justify approving against the lens: assurance is WEAK", "overrideJustification-error");
		assertThat(api.get("ambassador", "/api/assessments/" + id).get("status").asString()).isEqualTo("SUBMITTED");

		HttpResponse<String> approved = board.post("/assessments/" + id + "/decisions",
				Map.of("decision", "APPROVED", "reason", "The board accepts the plan.", "version", version,
						"overrideJustification", "Engagement is under way and reported to the board in May."));

		assertThat(approved.uri().getPath()).isEqualTo("/assessments/" + id + "/review");
		assertThat(approved.body()).contains("nhsuk-tag--red\">Override</strong>",
				"Engagement is under way and reported to the board in May.");
		JsonNode decisions = api.get("board.member", "/api/assessments/" + id + "/decisions");
		assertThat(decisions.get(0).get("overridden").asBoolean()).isTrue();
		assertThat(decisions.get(0).get("overrideJustification").asString())
			.isEqualTo("Engagement is under way and reported to the board in May.");
	}

	/**
	 * Submits {@code document}, then commits every mitigation that reduces harm and declines every
	 * assurance action with a reason, so that nothing required is left without a response.
	 */
	private JsonNode submitWithEveryMitigationAnswered(ObjectNode document) throws Exception {
		document.remove("mitigations");
		JsonNode submitted = api.submit(document);
		String id = submitted.get("id").asString();
		ObjectNode responses = json.createObjectNode();
		ArrayNode taken = responses.putArray("mitigations");
		ObjectNode declined = responses.putObject("declined");
		List<String> codes = new ArrayList<>();
		for (JsonNode required : submitted.get("evaluations").get(0).get("result").get("requiredMitigations")) {
			codes.add(required.get("code").asString());
			if (required.get("assuranceAction").asBoolean()) {
				declined.put(required.get("code").asString(), "Not before the pilot; the board is told why.");
			}
			else {
				taken.addObject().put("code", required.get("code").asString()).put("status", "COMMITTED")
					.put("owner", "Service manager").put("due", "2027-03-31");
			}
		}
		assertThat(codes).isNotEmpty();
		HttpResponse<String> answered = api.send("ambassador", "PUT", "/api/assessments/" + id + "/mitigations",
				responses.toString());
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		return json.readTree(answered.body());
	}

	/** The same proposal with evidence split by deprivation and ethnicity, co-produced, and monitored. */
	private static ObjectNode wellFounded(ObjectNode document) {
		document.putObject("evidence").put("dataDisaggregated", true)
			.put("sources", "Service activity by IMD decile and ethnicity, 2025/26");
		document.putObject("engagement").put("affectedCommunitiesEngaged", true).put("coProduced", true)
			.put("summary", "Co-designed with the hearing loss patient panel and two Core20 community groups");
		document.putObject("monitoring").put("planned", true).put("byDeprivation", true).put("byEthnicity", true);
		return document;
	}

	private HttpResponse<String> decide(String id, long version, String justification) throws Exception {
		ObjectNode body = json.createObjectNode().put("decision", "APPROVED").put("reason", "The board accepts the plan.")
			.put("version", version);
		if (justification != null) {
			body.put("overrideJustification", justification);
		}
		return api.send("board.member", "POST", "/api/assessments/" + id + "/decisions", body.toString());
	}

}
