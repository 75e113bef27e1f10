package uk.nhs.equitylens.web.browser;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of Equity Lens, as the role that uses it, checked with axe-core in headless Chromium
 * against the WCAG 2.0, 2.1 and 2.2 A and AA rules: no page may have a serious or critical violation.
 * Error states are checked as well as the pages people land on. The data (a submitted assessment, one
 * with changes requested and comments, an approved one due for its follow-up, a complete and an
 * incomplete draft, a what-if run) is set up through the API with HTTP Basic. Each page leaves a
 * screenshot under {@code target/screenshots/a11y-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(Lifecycle.PER_CLASS)
class AccessibilityBrowserTest {

	/** Lists ids that are repeated, and id references (aria-describedby, aria-labelledby, aria-controls, for) to no element. */
	private static final String ID_PROBLEMS = """
			const problems = [];
			const seen = new Set();
			for (const element of document.querySelectorAll('[id]')) {
				if (seen.has(element.id)) {
					problems.push('duplicate id "' + element.id + '"');
				}
				seen.add(element.id);
			}
			for (const element of document.querySelectorAll('[aria-describedby], [aria-labelledby], [aria-controls], label[for]')) {
				for (const name of ['aria-describedby', 'aria-labelledby', 'aria-controls', 'for']) {
					const value = element.getAttribute(name);
					for (const id of (value || '').trim().split(/\\s+/)) {
						if (id && !document.getElementById(id)) {
							problems.push(name + '="' + id + '" names no element: ' + element.outerHTML.slice(0, 120));
						}
					}
				}
			}
			return problems;
			""";

	private final HttpClient http = HttpClient.newHttpClient();

	private Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	/** Submitted, waiting for the board. */
	private String submitted;

	/** Submitted, changes requested by the board, with comments from both sides. */
	private String changesRequested;

	/** Approved against the lens, with a follow-up review already overdue. */
	private String approved;

	/** A draft with every section answered. */
	private String draft;

	/** The first evaluation of {@link #submitted}, for the replay page. */
	private String evaluation;

	/** A finished what-if run of the active rulebase. */
	private String whatIf;

	@BeforeAll
	void setUp() throws Exception {
		browser = Browser.start();
		submitted = create("Hearing aftercare: online booking only", true, true);
		JsonNode view = json.readTree(send("ambassador", "GET", "/api/assessments/" + submitted, null).body());
		evaluation = view.get("evaluations").get(0).get("id").asString();

		changesRequested = create("Hearing aftercare: changes requested", true, true);
		decide(changesRequested, json.createObjectNode()
			.put("decision", "CHANGES_REQUESTED")
			.put("reason", "Commit to keeping a telephone route and plan monitoring by deprivation."));
		comment(changesRequested, "board.member", "Could the telephone line stay open on Saturdays?");
		comment(changesRequested, "ambassador", "Yes: the audiology team will staff it from 9 to 12.");

		approved = create("Hearing aftercare: approved with an override", true, false);
		decide(approved, json.createObjectNode()
			.put("decision", "APPROVED")
			.put("reason", "A telephone route is committed.")
			.put("overrideJustification", "The residual risk is accepted while the patient panel reviews the service.")
			.put("reviewDue", "2025-01-31"));

		draft = create("Hearing aftercare: draft", false, true);

		String active = json.readTree(send("governance", "GET", "/api/rulebase", null).body()).get("version").asString();
		HttpResponse<String> started = send("governance", "POST", "/api/whatif",
				json.createObjectNode().put("candidate", active).toString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		whatIf = json.readTree(started.body()).get("id").asString();
		for (int i = 0; i < 600 && json.readTree(send("governance", "GET", "/api/whatif/" + whatIf, null).body())
			.get("status")
			.asString()
			.equals("RUNNING"); i++) {
			Thread.sleep(100);
		}
	}

	@AfterAll
	void stopBrowser() {
		browser.close();
	}

	@Test
	void signInPage() {
		browser.driver().manage().deleteAllCookies();
		open("/login");
		check("sign-in", "Sign in page");
		browser.type("username", "ambassador");
		browser.type("password", "wrong password");
		browser.press("Sign in");
		assertThat(browser.driver().getTitle()).startsWith("Error: ");
		check("sign-in-error", "Sign in page with an error");
	}

	@Test
	void home() {
		browser.signIn("http://localhost:" + port, "ambassador");
		check("home", "Home: the list of assessments");
	}

	@Test
	void newAssessment() {
		browser.signIn("http://localhost:" + port, "ambassador");
		open("/assessments/new");
		check("new-assessment", "New assessment: first section");
		browser.press("Save and continue");
		assertThat(browser.driver().getTitle()).startsWith("Error: ");
		check("new-assessment-error", "New assessment with errors");
	}

	@ParameterizedTest
	@ValueSource(strings = { "proposal", "population", "core20", "plus", "inclusion-health", "protected", "access",
			"clinical", "evidence", "monitoring" })
	void formSection(String section) {
		browser.signIn("http://localhost:" + port, "ambassador");
		open("/assessments/" + draft + "/sections/" + section);
		check("section-" + section, "Form section " + section);
	}

	@ParameterizedTest
	@ValueSource(strings = { "proposal", "population", "access", "evidence", "monitoring" })
	void formSectionWithErrors(String section) throws Exception {
		String id = create("Hearing aftercare: incomplete " + section, false, false, "title", "board");
		browser.signIn("http://localhost:" + port, "ambassador");
		open("/assessments/" + id + "/sections/" + section);
		if (section.equals("access")) {
			browser.driver().findElement(By.cssSelector("label[for='barriers']")).click();
		}
		browser.press("Save and continue");
		assertThat(browser.driver().getTitle()).startsWith("Error: ");
		check("section-" + section + "-error", "Form section " + section + " with errors");
	}

	@Test
	void taskList() {
		browser.signIn("http://localhost:" + port, "ambassador");
		open("/assessments/" + draft);
		check("task-list", "Task list");
		open("/assessments/" + changesRequested);
		check("task-list-changes-requested", "Task list after the board asked for changes");
	}

	@Test
	void checkAnswers() throws Exception {
		browser.signIn("http://localhost:" + port, "ambassador");
		open("/assessments/" + draft + "/check");
		check("check-answers", "Check your answers");
		String incomplete = create("Hearing aftercare: incomplete", false, false, "title", "board", "proposalType");
		open("/assessments/" + incomplete + "/check");
		browser.press("Submit the assessment");
		assertThat(browser.driver().getTitle()).startsWith("Error: ");
		check("check-answers-error", "Check your answers with errors");
	}

	@Test
	void result() {
		browser.signIn("http://localhost:" + port, "ambassador");
		open("/assessments/" + submitted + "/result");
		check("result", "Result");
		browser.driver().findElement(By.cssSelector("label[for='NON_DIGITAL_ROUTE-response']")).click();
		browser.press("Save responses and re-assess");
		assertThat(browser.driver().getTitle()).startsWith("Error: ");
		check("result-error", "Result with errors in the mitigation responses");
	}

	@Test
	void review() {
		browser.signIn("http://localhost:" + port, "board.member");
		open("/assessments/" + submitted + "/review");
		check("review-decide", "Review page with the decision form");
		browser.press("Record the decision");
		assertThat(browser.driver().getTitle()).startsWith("Error: ");
		check("review-decide-error", "Review page with errors in the decision");
		open("/assessments/" + changesRequested + "/review");
		check("review-decided", "Review page with a decision and comments");
		browser.press("Add comment");
		assertThat(browser.driver().getTitle()).startsWith("Error: ");
		check("review-comment-error", "Review page with an empty comment");
		browser.signIn("http://localhost:" + port, "ambassador");
		open("/assessments/" + approved + "/review");
		check("review-follow-up", "Review page with the follow-up form");
		browser.press("Record the follow-up review");
		assertThat(browser.driver().findElement(By.id("whatHappened-error")).getText()).contains("Say what happened");
		assertThat(browser.driver().getTitle()).startsWith("Error: ");
		assertThat(browser.errorSummary()).containsExactly("Say what happened to uptake and outcomes for the cohorts affected");
		check("review-follow-up-error", "Review page with an empty follow-up");
	}

	@Test
	void boardPaper() {
		browser.signIn("http://localhost:" + port, "board.member");
		open("/assessments/" + approved + "/report");
		check("board-paper", "Board paper");
	}

	@Test
	void reviewQueue() {
		browser.signIn("http://localhost:" + port, "board.member");
		open("/reviews");
		check("review-queue", "Review queue");
	}

	@Test
	void governance() {
		browser.signIn("http://localhost:" + port, "governance");
		open("/governance");
		check("governance", "Governance home");
		browser.press("Verify the audit log");
		check("governance-verified", "Governance home after verifying the audit log");
		open("/governance/replay/" + submitted + "/" + evaluation);
		check("replay", "Replay of an evaluation");
		open("/governance/whatif/" + whatIf);
		check("whatif", "What-if run");
		browser.signIn("http://localhost:" + port, "admin");
		open("/governance");
		check("governance-admin", "Governance home as an administrator");
	}

	@Test
	void cumulativeImpact() {
		browser.signIn("http://localhost:" + port, "governance");
		open("/cumulative");
		check("cumulative", "Cumulative impact");
		open("/cumulative?from=2020-01-01&to=2099-12-31");
		check("cumulative-report", "Cumulative impact report");
		open("/cumulative?from=not-a-date&to=2099-12-31");
		assertThat(browser.driver().getTitle()).startsWith("Error: ");
		check("cumulative-error", "Cumulative impact with an error");
	}

	@Test
	void people() {
		browser.signIn("http://localhost:" + port, "admin");
		open("/admin/people");
		check("people", "People");
		open(browser.driver().findElement(By.linkText("board.member")).getDomAttribute("href"));
		check("person", "Change a person");
		open("/admin/people/new");
		check("person-new", "Add a person");
		browser.press("Save");
		assertThat(browser.driver().getTitle()).startsWith("Error: ");
		check("person-error", "Add a person with errors");
	}

	@Test
	void about() {
		browser.driver().manage().deleteAllCookies();
		open("/about");
		check("about", "About");
	}

	@Test
	void errorPages() {
		browser.signIn("http://localhost:" + port, "ambassador");
		open("/assessments/" + UUID.randomUUID() + "/result");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		check("not-found", "Page not found (no such assessment)");
		open("/assessments/" + draft + "/sections/no-such-section");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		check("not-found-section", "Page not found (no such form section)");
		open("/no-such-page");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		check("not-found-address", "Page not found (an address that does not exist)");
		open("/admin/people");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText())
			.isEqualTo("You do not have access to this page");
		check("forbidden", "Access denied (a page the role does not allow)");
	}

	/**
	 * Takes the screenshot, then fails on any serious or critical violation, on a page title or main
	 * heading that is not plain text, and on any id that is not unique or that an aria-describedby,
	 * aria-labelledby, aria-controls or label names but the page does not have (axe reports those only
	 * as needing review).
	 */
	private void check(String name, String page) {
		browser.screenshot("a11y-" + name);
		WebDriver driver = browser.driver();
		assertThat(driver.getTitle()).as("%s: title", page).endsWith(" – Equity Lens").doesNotContain("<", "${");
		assertThat(driver.findElements(By.tagName("h1"))).as("%s: main heading", page)
			.singleElement()
			.satisfies(h1 -> assertThat(h1.getText()).isNotBlank().doesNotContain("<", "${"));
		Axe.assertNoSeriousViolations(browser.driver(), page);
		Object problems = ((JavascriptExecutor) browser.driver()).executeScript(ID_PROBLEMS);
		assertThat(problems).as("%s: id references", page).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
	}

	private void open(String path) {
		browser.open("http://localhost:" + port + path);
	}

	/**
	 * Creates an assessment from the spec example without its mitigations (or, with {@code keep}, only
	 * those top-level answers).
	 */
	private String create(String title, boolean submit, boolean withoutMitigations, String... keep) throws Exception {
		ObjectNode document;
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			document = (ObjectNode) json.readTree(in);
		}
		document.put("title", title);
		if (withoutMitigations) {
			document.remove("mitigations");
		}
		if (keep.length > 0) {
			document.retain(keep);
		}
		HttpResponse<String> created = send("ambassador", "POST", "/api/assessments" + (submit ? "?submit=true" : ""),
				document.toString());
		assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
		return json.readTree(created.body()).get("id").asString();
	}

	private void decide(String id, ObjectNode decision) throws Exception {
		long version = json.readTree(send("board.member", "GET", "/api/assessments/" + id, null).body())
			.get("version")
			.asLong();
		HttpResponse<String> decided = send("board.member", "POST", "/api/assessments/" + id + "/decisions",
				decision.put("version", version).toString());
		assertThat(decided.statusCode()).as(decided.body()).isBetween(200, 201);
	}

	private void comment(String id, String author, String body) throws Exception {
		HttpResponse<String> commented = send(author, "POST", "/api/assessments/" + id + "/comments",
				json.createObjectNode().put("body", body).toString());
		assertThat(commented.statusCode()).as(commented.body()).isBetween(200, 201);
	}

	private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

}
