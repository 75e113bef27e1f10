package uk.nhs.equitylens.review;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.assessment.AssessmentResult;
import uk.nhs.equitylens.report.ResultWords;
import uk.nhs.equitylens.vocabulary.Vocabulary;
import uk.nhs.equitylens.web.ApiClient;
import uk.nhs.equitylens.web.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result page and the board's review page show harm and assurance apart (rating and residual;
 * the assurance level with its three domain scores and its gaps listed apart from the harm
 * findings; the mitigation credit; required mitigations split into those that reduce harm and the
 * assurance actions), the ambassador's own rating beside the lens's, flagged when they differ, and
 * a provisional rating with why and what is missing, in words.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HarmAndAssurancePagesTest {

	private static final String REASON = "A telephone line stays, so only the online booking is new.";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	TemplateEngine templates;

	@Autowired
	Vocabulary vocabulary;

	@Autowired
	ResultWords words;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port, json);
	}

	@Test
	void theResultAndReviewPagesShowHarmAndAssuranceApartAndTheAmbassadorsOwnRating() throws Exception {
		ObjectNode document = api.example("Hearing aftercare: harm and assurance apart");
		document.putObject("assessorView").put("rating", "MODERATE").put("reason", REASON);
		JsonNode assessment = api.submit(document);
		String id = assessment.get("id").asString();
		JsonNode result = assessment.get("evaluations").get(0).get("result");
		assertThat(result.get("rating").asString()).isEqualTo("HIGH");
		assertThat(result.get("assurance").get("level").asString()).isEqualTo("WEAK");

		String resultPage = WebSession.signIn(port, "ambassador", "demo").get("/assessments/" + id + "/result").body();
		String reviewPage = WebSession.signIn(port, "board.member", "demo").get("/assessments/" + id + "/review").body();

		for (String page : List.of(resultPage, reviewPage)) {
			assertThat(page).contains(">HIGH</strong>", html("Lens: HIGH. Ambassador: MODERATE \u2014 " + REASON),
					"Differs from the lens: the ambassador rates it lower", "nhsuk-tag--orange");
			assertThat(between(page, "id=\"assurance-level\"", "</strong>")).endsWith(">WEAK");
			String scores = between(page, "id=\"assurance-scores\"", "</dl>");
			result.get("assurance").get("domainScores").properties().forEach(d -> assertThat(scores)
				.contains(words.domainName(d.getKey()) + "</dt>", ">" + d.getValue().asInt() + " out of 100"));
			assertThat(scores).contains("nhsuk-summary-list__row", "nhsuk-summary-list__key");

			String harm = between(page, "id=\"findings\"", "id=\"mitigation-credit\"");
			String gaps = between(page, "id=\"assurance-gaps\"", "</ol>");
			for (JsonNode finding : result.get("findings")) {
				String rule = "Rule " + finding.get("ruleId").asString() + ",";
				boolean assurance = finding.get("kind").asString().equals("assurance");
				assertThat(assurance ? gaps : harm).as(rule).contains(rule, html(finding.get("explanation").asString()));
				assertThat(assurance ? harm : gaps).as(rule).doesNotContain(rule);
			}
			assertThat(gaps).contains("Gaps in the assessment (" + result.get("assurance").get("gaps").size() + ")");
			assertThat(between(page, "id=\"mitigation-credit\"", "</div>"))
				.contains(html(result.get("mitigation").get("explanation").asString()));

			String reduceHarm = between(page, "id=\"harm-mitigations\"", "id=\"assurance-actions\"");
			String actions = page.substring(page.indexOf("id=\"assurance-actions\""));
			for (JsonNode required : result.get("requiredMitigations")) {
				String label = html(required.get("label").asString());
				if (required.get("assuranceAction").asBoolean()) {
					assertThat(actions).contains(label);
					assertThat(reduceHarm).doesNotContain(label);
				}
				else {
					assertThat(reduceHarm).contains(label);
				}
			}
			assertThat(reduceHarm).contains("To reduce harm");
			assertThat(actions).startsWith("id=\"assurance-actions\"").contains("Assurance actions");
			assertThat(page).doesNotContain("id=\"provisional\"");
		}
	}

	@Test
	void anAmbassadorWhoAgreesWithTheLensIsShownAgreeing() throws Exception {
		ObjectNode document = api.example("Hearing aftercare: the ambassador agrees");
		document.putObject("assessorView").put("rating", "HIGH").put("reason", "The online-only route shuts people out.");
		String id = api.submit(document).get("id").asString();

		String page = WebSession.signIn(port, "board.member", "demo").get("/assessments/" + id + "/review").body();

		assertThat(between(page, "id=\"assessor-view\"", "</div>")).contains("Lens: HIGH. Ambassador: HIGH",
				"nhsuk-tag--green", "Agrees with the lens");
	}

	@Test
	void withoutTheAmbassadorsOwnRatingNothingIsShownInItsPlace() throws Exception {
		String id = api.submit(api.example("Hearing aftercare: no view of their own")).get("id").asString();

		String page = WebSession.signIn(port, "board.member", "demo").get("/assessments/" + id + "/review").body();

		assertThat(page).contains("id=\"assurance-level\"").doesNotContain("id=\"assessor-view\"", "Ambassador:");
	}

	@Test
	void anIncompleteAssessmentsRatingIsShownProvisionalWithWhatIsMissingInWords() throws Exception {
		ObjectNode document = api.example("Hearing aftercare, not yet answered");
		document.remove("cohorts");
		HttpResponse<String> dryRun = api.send("ambassador", "POST", "/api/assessments/evaluate", document.toString());
		assertThat(dryRun.statusCode()).isEqualTo(200);
		AssessmentResult result = json.readValue(dryRun.body(), AssessmentResult.class);
		assertThat(result.provisional()).isTrue();
		Context context = new Context(Locale.UK);
		context.setVariable("result", result);
		context.setVariable("ratings", vocabulary.ratings());
		context.setVariable("words", words);

		String judgement = templates.process("fragments/lens-result", Set.of("judgement"), context);

		String provisional = between(judgement, "id=\"provisional\"", "</ul>");
		assertThat(provisional).contains("This rating is provisional",
				"The assessment is incomplete, so its rating and residual rating are provisional",
				"these " + result.assurance().missing().size() + " answers are given",
				html(vocabulary.cohort("CORE20").orElseThrow().label()) + ": not answered",
				"Race: not answered", "Sexual orientation: not answered")
			.doesNotContain("cohorts[");
		assertThat(judgement).contains("nhsuk-tag nhsuk-tag--orange\">Provisional</strong>");
		assertThat(between(judgement, "id=\"rating\"", "</strong>")).endsWith(">" + result.rating());
	}

	/** The text from {@code from} up to the next {@code to} after it. */
	private static String between(String page, String from, String to) {
		int start = page.indexOf(from);
		assertThat(start).as("%s on the page", from).isNotNegative();
		int end = page.indexOf(to, start + from.length());
		assertThat(end).as("%s after %s", to, from).isPositive();
		return page.substring(start, end);
	}

	/** As Thymeleaf writes text into a page. */
	private static String html(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

}
