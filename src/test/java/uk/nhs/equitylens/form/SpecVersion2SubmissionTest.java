package uk.nhs.equitylens.form;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.LinkedHashMap;
import java.util.List;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.web.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec version 2 around the lens, over real HTTP: an incomplete assessment is refused at submission
 * (API and pages) and nothing saved is lost, mitigations taken on need an owner and a due date,
 * accessChanges keeps "not said" apart from "nothing changes", the assessor's own view is stored,
 * drafts answered under hiia/1 open under hiia/2, and the vocabulary serves its new sections.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SpecVersion2SubmissionTest {

	private static final String PROBLEM_JSON = "application/problem+json";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void submittingAnIncompleteDraftIsRefusedNamingEachMissingAnswerAndTheDraftIsKept() throws Exception {
		ObjectNode incomplete = example();
		removeCohort(incomplete, "RACE");
		removeCohort(incomplete, "CORE20");
		cohort(incomplete, "SEX").remove("evidence");
		String id = created(send("POST", "/api/assessments", incomplete.toString()));
		JsonNode before = json.readTree(send("GET", "/api/assessments/" + id, null).body());

		HttpResponse<String> refused = send("POST", "/api/assessments/" + id + "/submit", null);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
		JsonNode problem = json.readTree(refused.body());
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactly("cohorts[CORE20]", "cohorts[RACE]", "cohorts[SEX].evidence");
		assertThat(problem.get("errors").valueStream().map(e -> e.get("message").asString()))
			.contains("Say how the change affects people sharing the protected characteristic of race (use UNKNOWN if not known)");
		JsonNode after = json.readTree(send("GET", "/api/assessments/" + id, null).body());
		assertThat(after.get("status").asString()).isEqualTo("DRAFT");
		assertThat(after.get("answers")).isEqualTo(incomplete);
		assertThat(after.get("version")).isEqualTo(before.get("version"));
		assertThat(after.get("evaluations")).isEmpty();
		assertThat(count("select count(*) from evaluation where assessment_id = ?", UUID.fromString(id))).isZero();
	}

	@Test
	void creatingAndSubmittingAnIncompleteDocumentAtOnceStoresNothing() throws Exception {
		ObjectNode incomplete = example();
		removeCohort(incomplete, "PREGNANCY_MATERNITY");
		int before = count("select count(*) from assessment");

		HttpResponse<String> refused = send("POST", "/api/assessments?submit=true", incomplete.toString());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
		assertThat(json.readTree(refused.body()).get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactly("cohorts[PREGNANCY_MATERNITY]");
		assertThat(count("select count(*) from assessment")).isEqualTo(before);
	}

	@Test
	void theDryRunAcceptsAnIncompleteDocument() throws Exception {
		ObjectNode incomplete = example();
		removeCohort(incomplete, "RACE");

		HttpResponse<String> evaluated = send("POST", "/api/assessments/evaluate", incomplete.toString());

		assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);
	}

	@Test
	void theCompleteExampleIsSubmittedUnderHiia2WithItsAccessChangesAndTheAssessorsView() throws Exception {
		ObjectNode document = example();
		document.putObject("assessorView").put("rating", "HIGH").put("reason", "The phone line is how most users book.");

		HttpResponse<String> submitted = send("POST", "/api/assessments?submit=true", document.toString());

		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		JsonNode view = json.readTree(submitted.body());
		assertThat(view.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(view.get("formVersion").asString()).isEqualTo("hiia/2");
		String stored = jdbc.queryForObject("select document from evaluation where assessment_id = ?", String.class,
				UUID.fromString(view.get("id").asString()));
		JsonNode evaluated = json.readTree(stored);
		assertThat(evaluated.get("assessorView").get("rating").asString()).isEqualTo("HIGH");
		assertThat(evaluated.get("accessChanges").valueStream().map(JsonNode::asString))
			.containsExactly("MAKES_A_ROUTE_DIGITAL", "CLOSES_A_ROUTE");
	}

	@Test
	void emptyAccessChangesStayEmptyAndAbsentOnesStayAbsentThroughStorageAndSubmission() throws Exception {
		ObjectNode empty = example();
		empty.putArray("accessChanges");
		ObjectNode absent = example();
		absent.remove("accessChanges");

		JsonNode emptyView = json.readTree(send("POST", "/api/assessments?submit=true", empty.toString()).body());
		JsonNode absentView = json.readTree(send("POST", "/api/assessments?submit=true", absent.toString()).body());

		assertThat(emptyView.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(emptyView.get("answers").get("accessChanges").isArray()).isTrue();
		assertThat(emptyView.get("answers").get("accessChanges")).isEmpty();
		assertThat(absentView.get("answers").has("accessChanges")).isFalse();
		assertThat(storedDocument(emptyView).get("accessChanges")).isNotNull().isEmpty();
		assertThat(storedDocument(absentView).has("accessChanges")).isFalse();
	}

	@Test
	void anAssessorsRatingWithoutAReasonIsRefusedByField() throws Exception {
		ObjectNode document = example();
		document.putObject("assessorView").put("rating", "SEVERE");

		HttpResponse<String> refused = send("POST", "/api/assessments/evaluate", document.toString());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json.readTree(refused.body()).get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactly("assessorView.reason");
	}

	@Test
	void aMitigationTakenOnWithoutOwnerOrDueDateIsRefusedEverywhere() throws Exception {
		ObjectNode noOwner = example();
		((ObjectNode) noOwner.get("mitigations").get(0)).remove("owner");
		ObjectNode noDue = example();
		((ObjectNode) noDue.get("mitigations").get(0)).put("status", "DONE").remove("due");

		HttpResponse<String> evaluate = send("POST", "/api/assessments/evaluate", noOwner.toString());
		HttpResponse<String> create = send("POST", "/api/assessments", noDue.toString());
		HttpResponse<String> createAndSubmit = send("POST", "/api/assessments?submit=true", noOwner.toString());

		assertThat(fields(evaluate)).containsExactly("mitigations[0].owner");
		assertThat(fields(create)).containsExactly("mitigations[0].due");
		assertThat(fields(createAndSubmit)).containsExactly("mitigations[0].owner");
		assertThat(json.readTree(evaluate.body()).get("errors").get(0).get("message").asString())
			.isEqualTo("Name who owns this mitigation: a mitigation that is committed needs an owner");

		ObjectNode document = example();
		document.remove("mitigations");
		String id = created(send("POST", "/api/assessments?submit=true", document.toString()));
		ObjectNode responses = json.createObjectNode();
		responses.putArray("mitigations").addObject().put("code", "NON_DIGITAL_ROUTE").put("status", "COMMITTED");
		HttpResponse<String> put = send("PUT", "/api/assessments/" + id + "/mitigations", responses.toString());

		assertThat(put.statusCode()).isEqualTo(400);
		assertThat(put.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
		assertThat(fields(put)).containsExactlyInAnyOrder("mitigations[0].due", "mitigations[0].owner");
		assertThat(json.readTree(send("GET", "/api/assessments/" + id, null).body()).get("evaluations")).hasSize(1);
	}

	@Test
	void aDraftAnsweredUnderHiia1OpensUnderHiia2WithItsAnswersKeptAndTheNewQuestionsUnanswered() throws Exception {
		ObjectNode answers = example();
		answers.remove("accessChanges");
		String id = created(send("POST", "/api/assessments", answers.toString()));
		jdbc.update("update assessment set form_version = 'hiia/1' where id = ?", UUID.fromString(id));
		WebSession pages = WebSession.signIn(port, "ambassador", "demo");

		JsonNode opened = json.readTree(send("GET", "/api/assessments/" + id, null).body());
		HttpResponse<String> access = pages.get("/assessments/" + id + "/sections/access");
		HttpResponse<String> view = pages.get("/assessments/" + id + "/sections/your-view");

		assertThat(opened.get("formVersion").asString()).isEqualTo("hiia/2");
		assertThat(opened.get("answers")).isEqualTo(answers);
		assertThat(access.statusCode()).isEqualTo(200);
		assertThat(access.body()).contains("Does any way into the service close, move, shrink, become digital-only, or tighten eligibility?")
			.contains("None of these: no way in changes")
			.doesNotContainPattern("name=\"accessChanges\"[^>]*checked")
			.contains("value=\"MAKES_A_ROUTE_DIGITAL\"");
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.body()).contains("How big a risk do you think the change is").contains("beside the lens");

		HttpResponse<String> saved = pages.post("/assessments/" + id + "/sections/access",
				Map.of("accessChanges", "NONE", "barriers", "DIGITAL_ONLY", "barriers.DIGITAL_ONLY.severity", "HIGH",
						"action", "tasks"));

		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select form_version from assessment where id = ?", String.class,
				UUID.fromString(id))).isEqualTo("hiia/2");
		JsonNode resaved = json.readTree(send("GET", "/api/assessments/" + id, null).body()).get("answers");
		assertThat(resaved.get("accessChanges").isArray()).isTrue();
		assertThat(resaved.get("accessChanges")).isEmpty();
		assertThat(resaved.get("cohorts")).isEqualTo(answers.get("cohorts"));
		assertThat(pages.get("/assessments/" + id + "/sections/access").body())
			.containsPattern("value=\"NONE\"[^>]*checked");
	}

	@Test
	void aSubmittedAssessmentKeepsTheFormVersionItWasAnsweredUnder() throws Exception {
		String id = created(send("POST", "/api/assessments?submit=true", example().toString()));
		jdbc.update("update assessment set form_version = 'hiia/1' where id = ?", UUID.fromString(id));

		JsonNode view = json.readTree(send("GET", "/api/assessments/" + id, null).body());

		assertThat(view.get("formVersion").asString()).isEqualTo("hiia/1");
	}

	@Test
	void checkYourAnswersShowsEachMissingAnswerInTheErrorSummaryLinkedToItsPageAndKeepsTheDraft() throws Exception {
		ObjectNode incomplete = example();
		removeCohort(incomplete, "RACE");
		removeCohort(incomplete, "CORE20");
		cohort(incomplete, "DISABILITY").remove("evidence");
		String id = created(send("POST", "/api/assessments", incomplete.toString()));
		WebSession pages = WebSession.signIn(port, "ambassador", "demo");
		assertThat(pages.get("/assessments/" + id + "/check").statusCode()).isEqualTo(200);

		HttpResponse<String> refused = pages.post("/assessments/" + id + "/submit", Map.of());

		assertThat(refused.statusCode()).isEqualTo(200);
		String page = refused.body();
		assertThat(page).contains("<title>Error: Check your answers").contains("nhsuk-error-summary")
			.contains("There is a problem");
		assertThat(page).contains("href=\"/assessments/" + id + "/sections/core20#cohorts-CORE20-impact\"")
			.contains("href=\"/assessments/" + id + "/sections/protected#cohorts-RACE-impact\"")
			.contains("href=\"/assessments/" + id + "/sections/protected#cohorts-DISABILITY-evidence\"")
			.contains("Say how the change affects people sharing the protected characteristic of race (use UNKNOWN if not known)")
			.contains("Give the evidence that the change leaves people sharing the protected characteristic of disability worse off");
		JsonNode kept = json.readTree(send("GET", "/api/assessments/" + id, null).body());
		assertThat(kept.get("status").asString()).isEqualTo("DRAFT");
		assertThat(kept.get("answers")).isEqualTo(incomplete);
		assertThat(pages.get("/assessments/" + id).body()).contains("In progress");
	}

	@Test
	void theMitigationsPageNeedsAnOwnerAndADueDateForOneCommittedOrDoneAndLosesNothing() throws Exception {
		ObjectNode document = example();
		document.remove("mitigations");
		String id = created(send("POST", "/api/assessments?submit=true", document.toString()));
		WebSession pages = WebSession.signIn(port, "ambassador", "demo");
		assertThat(pages.get("/assessments/" + id + "/result").statusCode()).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("NON_DIGITAL_ROUTE.response", "DONE");

		HttpResponse<String> refused = pages.post("/assessments/" + id + "/mitigations", form);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("nhsuk-error-summary")
			.contains("href=\"#NON_DIGITAL_ROUTE-owner\"")
			.contains("href=\"#NON_DIGITAL_ROUTE-due-day\"")
			.contains("Enter who owns this mitigation (it is done)")
			.contains("Enter the date this mitigation is due (it is done)")
			.containsPattern("value=\"DONE\"[^>]*checked");
		form.put("NON_DIGITAL_ROUTE.owner", "Audiology service manager");
		HttpResponse<String> noDate = pages.post("/assessments/" + id + "/mitigations", form);

		assertThat(noDate.body()).contains("Enter the date this mitigation is due (it is done)")
			.doesNotContain("Enter who owns this mitigation")
			.contains("value=\"Audiology service manager\"");
		JsonNode after = json.readTree(send("GET", "/api/assessments/" + id, null).body());
		assertThat(after.get("evaluations")).hasSize(1);
		assertThat(after.get("answers").path("mitigations")).isEmpty();

		form.put("NON_DIGITAL_ROUTE.due.day", "31");
		form.put("NON_DIGITAL_ROUTE.due.month", "3");
		form.put("NON_DIGITAL_ROUTE.due.year", "2027");
		HttpResponse<String> accepted = pages.post("/assessments/" + id + "/mitigations", form);

		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).doesNotContain("nhsuk-error-summary");
		JsonNode saved = json.readTree(send("GET", "/api/assessments/" + id, null).body());
		assertThat(saved.get("evaluations")).hasSize(2);
		assertThat(saved.get("answers").get("mitigations").get(0).get("due").asString()).isEqualTo("2027-03-31");
	}

	@Test
	void theVocabularyServesAccessChangesAssuranceLevelsAndAgeGroups() throws Exception {
		HttpResponse<String> response = send("GET", "/api/vocabulary", null);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode vocabulary = json.readTree(response.body());
		assertThat(vocabulary.get("version").asInt()).isEqualTo(2);
		assertThat(vocabulary.get("accessChanges").valueStream().map(t -> t.get("code").asString()))
			.containsExactly("CLOSES_A_ROUTE", "MOVES_A_ROUTE", "REDUCES_A_ROUTE", "MAKES_A_ROUTE_DIGITAL",
					"TIGHTENS_ELIGIBILITY", "ADDS_A_ROUTE");
		assertThat(vocabulary.get("accessChanges").get(0).get("label").asString()).startsWith("A way into the service closes");
		assertThat(vocabulary.get("assuranceLevels").valueStream().map(t -> t.get("code").asString()))
			.containsExactly("STRONG", "ADEQUATE", "WEAK");
		assertThat(vocabulary.get("cohorts").valueStream()
			.filter(t -> t.path("category").asString("").equals("age_group"))
			.map(t -> t.get("code").asString())).containsExactly("OLDER_PEOPLE", "CHILDREN_YOUNG_PEOPLE");
	}

	private List<String> fields(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		return json.readTree(response.body()).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
	}

	private JsonNode storedDocument(JsonNode view) {
		return json.readTree(jdbc.queryForObject("select document from evaluation where assessment_id = ?",
				String.class, UUID.fromString(view.get("id").asString())));
	}

	private String created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).get("id").asString();
	}

	private int count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Integer.class, args);
	}

	private ObjectNode example() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			return (ObjectNode) json.readTree(in);
		}
	}

	private static void removeCohort(ObjectNode document, String code) {
		ArrayNode cohorts = (ArrayNode) document.get("cohorts");
		for (int i = cohorts.size() - 1; i >= 0; i--) {
			if (cohorts.get(i).get("code").asString().equals(code)) {
				cohorts.remove(i);
			}
		}
	}

	private static ObjectNode cohort(ObjectNode document, String code) {
		for (JsonNode cohort : document.get("cohorts")) {
			if (cohort.get("code").asString().equals(code)) {
				return (ObjectNode) cohort;
			}
		}
		throw new AssertionError("no answer for " + code);
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
			.encodeToString("ambassador:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		return http.send(request.build(), BodyHandlers.ofString());
	}

}
