package uk.nhs.equitylens.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.nhs.equitylens.web.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluations stored before lens v2 were made under rulebases whose DRL used fact classes that no
 * longer exist. Their replay shows the stored result and says it cannot be replayed, never an error
 * and never a claim of identity it did not check.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EarlierEngineReplayTest {

	/** The residual rule of the rulebase before v2, verbatim: Thresholds and RiskReduction are gone. */
	private static final String PRE_V2_DRL = """
			package lens;

			import uk.nhs.equitylens.lens.fact.*;

			rule "Committed mitigation reduces the risk it was required for"
				@ruleId("RES-001")
				@domain("rating")
				@rationale("Only mitigations that are COMMITTED or DONE lower the residual rating.")
				ruleflow-group "mitigate"
			when
				$t : Thresholds()
				$r : RequiredMitigation($code : code, $f : finding)
				Mitigation(code == $code, counted)
			then
				insert(RiskReduction.of($r, $f.getPoints() * $t.getMitigationEffect() / $f.getRequirementCount()));
			end
			""";

	/** A result in the shape the engine stored before v2 (no assurance, no mitigation credit). */
	private static final String PRE_V2_RESULT = """
			{"rating":"SEVERE","residualRating":"HIGH","score":71,"residualScore":58,
			 "domainScores":{"cohorts":22,"access":30,"clinical":0,"evidence":11,"monitoring":8},
			 "residualDomainScores":{"cohorts":22,"access":17,"clinical":0,"evidence":11,"monitoring":8},
			 "equityBenefit":0,
			 "findings":[{"ruleId":"ACC-001","domain":"access","severity":"HIGH","points":21.0,
			   "explanation":"The change removes the only non-digital route.","cohorts":["CORE20"],"barriers":["DIGITAL_ONLY"]}],
			 "requiredMitigations":[{"code":"NON_DIGITAL_ROUTE","label":"Keep a non-digital route","ruleId":"ACC-001",
			   "reason":"No telephone or walk-in route remains.","satisfied":true,"status":"COMMITTED","requiredBy":["ACC-001"]}],
			 "benefits":[],"firedRules":["ACC-001","RES-001","RAT-001"],"deprivation":null,
			 "rulebaseVersion":"%s","formVersion":"hiia/1"}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anEvaluationUnderARulebaseWithoutPolicyTablesIsShownAsStoredAndNotReplayed() throws Exception {
		String version = "sha256:pre-v2-" + UUID.randomUUID();
		archive(version, Map.of("lens/residual.drl", PRE_V2_DRL));
		Stored stored = storedEvaluation(version);

		HttpResponse<String> response = send("governance", stored.replayPath());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode replay = json.readTree(response.body());
		assertThat(replay.get("replayable").asBoolean()).isFalse();
		assertThat(replay.get("identical").isNull()).isTrue();
		assertThat(replay.get("replayed").isNull()).isTrue();
		assertThat(replay.get("message").asString())
			.isEqualTo("Made under an earlier engine (before lens v2): shown as stored; it cannot be replayed.");
		assertThat(replay.get("stored")).isEqualTo(json.readTree(stored.result()));
		assertThat(replay.get("rulebaseVersion").asString()).isEqualTo(version);
	}

	@Test
	void anEvaluationUnderAnArchivedRulebaseThatNoLongerCompilesIsShownAsStored() throws Exception {
		String version = "sha256:broken-" + UUID.randomUUID();
		archive(version, Map.of("lens/residual.drl", PRE_V2_DRL, "policy/bands.csv",
				"band,from,to\nLOW,0,24\nMODERATE,25,44\nHIGH,45,64\nSEVERE,65,100\n"));
		Stored stored = storedEvaluation(version);

		JsonNode replay = json.readTree(send("governance", stored.replayPath()).body());

		assertThat(replay.get("replayable").asBoolean()).isFalse();
		assertThat(replay.get("identical").isNull()).isTrue();
		assertThat(replay.get("stored")).isEqualTo(json.readTree(stored.result()));
	}

	@Test
	void theReplayPageSaysPlainlyThatItWasMadeUnderAnEarlierEngine() throws Exception {
		String version = "sha256:pre-v2-" + UUID.randomUUID();
		archive(version, Map.of("lens/residual.drl", PRE_V2_DRL));
		Stored stored = storedEvaluation(version);

		HttpResponse<String> page = WebSession.signIn(port, "governance", "demo")
			.get("/governance/replay/" + stored.assessmentId() + "/" + stored.evaluationId());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("class=\"nhsuk-inset-text\"",
				"Made under an earlier engine (before lens v2): shown as stored; it cannot be replayed.",
				"SEVERE (71)", "HIGH (58)", "ACC-001, RES-001, RAT-001")
			.doesNotContain("The replay gives exactly the stored result", ">Replayed<");
	}

	private void archive(String version, Map<String, String> files) {
		jdbc.update("insert into rulebase_archive (version, files, archived_at) values (?, ?, ?)", version,
				json.writeValueAsString(files), Timestamp.from(Instant.parse("2026-03-02T09:00:00Z")));
	}

	/** An assessment submitted before v2: a draft made now, given an evaluation under the old rulebase. */
	private Stored storedEvaluation(String version) throws Exception {
		HttpRequest create = basic("ambassador", "/api/assessments")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"title\":\"Hearing aftercare online (2026)\",\"board\":\"PLANNED_CARE\"}"))
			.build();
		HttpResponse<String> created = http.send(create, BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		UUID assessment = UUID.fromString(json.readTree(created.body()).get("id").asString());
		UUID evaluation = UUID.randomUUID();
		String result = PRE_V2_RESULT.formatted(version);
		String document = "{\"title\":\"Hearing aftercare online (2026)\",\"board\":\"PLANNED_CARE\",\"proposalType\":\"DIGITAL_CHANNEL\"}";
		Timestamp at = Timestamp.from(Instant.parse("2026-03-02T09:30:00Z"));
		jdbc.update("""
				insert into evaluation (id, assessment_id, sequence, reason, document, form_version, rulebase_version,
				    rating, residual_rating, score, residual_score, fired_rules, result, evaluated_at)
				values (?, ?, 1, 'SUBMITTED', ?, 'hiia/1', ?, 'SEVERE', 'HIGH', 71, 58, '[]', ?, ?)""", evaluation,
				assessment, document, version, result, at);
		jdbc.update("update assessment set status = 'SUBMITTED', submitted_at = ? where id = ?", at, assessment);
		return new Stored(assessment, evaluation, result);
	}

	private HttpResponse<String> send(String user, String path) throws Exception {
		return http.send(basic(user, path).GET().build(), BodyHandlers.ofString());
	}

	private HttpRequest.Builder basic(String user, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
	}

	private record Stored(UUID assessmentId, UUID evaluationId, String result) {

		String replayPath() {
			return "/api/assessments/" + assessmentId + "/evaluations/" + evaluationId + "/replay";
		}

	}

}
