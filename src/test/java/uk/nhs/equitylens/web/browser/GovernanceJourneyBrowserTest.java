package uk.nhs.equitylens.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The governance team's journey in a real browser (headless Chromium). Submitted assessments, a
 * mitigation response and a board decision with an override are prepared through the API; then, as
 * {@code governance}: the audit log is verified, the rule outcome dashboard read, an evaluation
 * replayed from an assessment's review page, a candidate rulebase (the project's rules with one
 * threshold changed, in a folder on the server) checked, a what-if of it followed on its self-refreshing
 * progress page to the rating matrix, and its CSV downloaded with the browser's session. A broken
 * candidate is rejected with the file and line in the NHS error summary. Screenshots under
 * {@code target/screenshots/governance-*}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GovernanceJourneyBrowserTest {

	/** Enough stored assessments for the what-if to take a visible moment. */
	private static final int BULK = 150;

	private static final String TITLE = "Governance journey: hearing aftercare online only";

	private static final List<String> RATINGS = List.of("LOW", "MODERATE", "HIGH", "SEVERE");

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		browser.close();
	}

	@Test
	void governanceVerifiesReplaysChecksACandidateAndRunsAWhatIf(@TempDir Path temp) throws Exception {
		prepareThroughTheApi();
		WebDriver driver = browser.driver();

		browser.signIn("http://localhost:" + port, "governance");
		browser.navigate(By.linkText("Governance"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Governance");
		browser.screenshot("governance-01-home");

		browser.press("Verify the audit log");
		String verification = driver.findElement(By.id("verification")).getText();
		Matcher intact = Pattern.compile("The audit log is intact: (\\d+) entries verified\\.").matcher(verification);
		assertThat(intact.find()).as(verification).isTrue();
		long entries = Long.parseLong(intact.group(1));
		// every submission, the mitigation response and the decision are in the chain
		assertThat(entries).isGreaterThanOrEqualTo(BULK + 3 + 1 + 1);
		JsonNode api = json.readTree(send("governance", "GET", "/api/audit/verify", null).body());
		assertThat(api.get("valid").asBoolean()).isTrue();
		assertThat(api.get("entries").asLong()).isEqualTo(entries);
		browser.screenshot("governance-02-audit-verified");

		WebElement dashboard = driver.findElement(By.xpath("//h2[@id='dashboard']/following-sibling::table[1]"));
		assertThat(dashboard.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText))
			.containsExactly("Board", "Assessments", "Rating (residual)", "Decisions (overrides)", "Rules with most findings");
		JsonNode outcomes = json.readTree(send("governance", "GET", "/api/dashboard", null).body());
		List<String> planned = row(dashboard, "Elective and Planned Care");
		assertThat(Integer.parseInt(planned.get(1))).isEqualTo(outcomes.get("PLANNED_CARE").get("assessments").asInt())
			.isGreaterThanOrEqualTo(BULK / 2);
		assertThat(planned.get(2)).contains("HIGH");
		Matcher decisions = Pattern.compile("(\\d+) \\((\\d+)\\)").matcher(planned.get(3));
		assertThat(decisions.matches()).as(planned.get(3)).isTrue();
		assertThat(Integer.parseInt(decisions.group(1))).isPositive();
		assertThat(Integer.parseInt(decisions.group(2))).isPositive();
		// the rules that fire for most of the board's assessments, with how many: the first is the API's most frequent
		assertThat(planned.get(4)).matches("[A-Z]{3}-\\d{3} \\d+(, [A-Z]{3}-\\d{3} \\d+){0,4}");
		int most = outcomes.get("PLANNED_CARE").get("findingsByRule").valueStream().mapToInt(JsonNode::asInt).max()
			.orElseThrow();
		assertThat(planned.get(4)).contains(" " + most);
		assertThat(outcomes.get("PLANNED_CARE").get("findingsByRule").get(planned.get(4).split(" ")[0]).asInt())
			.isEqualTo(most);
		List<String> digital = row(dashboard, "Digital and Data");
		assertThat(Integer.parseInt(digital.get(1))).isEqualTo(outcomes.get("DIGITAL").get("assessments").asInt())
			.isPositive();
		assertThat(driver.findElement(By.xpath("//h2[normalize-space()='Overrides of the lens']/following-sibling::ul[1]"))
			.getText()).contains("APPROVED by board.member", "The residual risk is accepted for the pilot");
		browser.screenshot("governance-03-dashboard");

		browser.navigate(By.linkText("Assessments"));
		browser.navigate(By.linkText(TITLE));
		assertThat(driver.getCurrentUrl()).endsWith("/review");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE);
		List<WebElement> history = driver.findElements(By.xpath(
				"//h2[normalize-space()='History']/following-sibling::table[1]/tbody/tr"));
		assertThat(history).hasSize(2);
		assertThat(history.get(0).getText()).contains("#2", "Mitigations changed", "Replay");
		assertThat(history.get(1).getText()).contains("#1", "Submitted", "Replay");
		List<String> replays = driver.findElements(By.linkText("Replay")).stream().map(a -> a.getAttribute("href")).toList();
		assertThat(replays).hasSize(2);
		browser.screenshot("governance-04-review-history");
		browser.navigate(By.linkText("Replay"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Replay of evaluation #2");
		assertThat(driver.findElement(By.id("identical")).getText()).isEqualTo("The replay gives exactly the stored result.");
		List<WebElement> cells = driver.findElements(By.xpath("//tr[th[normalize-space()='Rating']]/td"));
		assertThat(cells).hasSize(2);
		assertThat(cells.get(1).getText()).isEqualTo(cells.get(0).getText());
		browser.screenshot("governance-05-replay-latest");
		browser.open(replays.get(1));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Replay of evaluation #1");
		assertThat(driver.findElement(By.id("identical")).getText()).isEqualTo("The replay gives exactly the stored result.");
		browser.screenshot("governance-06-replay-first");

		Path folder = candidateFolder(temp.resolve("candidate"), "HIGH,10,", "HIGH,40,");
		browser.navigate(By.linkText("Governance"));
		browser.type("folder", folder.toAbsolutePath().toString());
		browser.screenshot("governance-07-candidate-folder");
		browser.press("Check the candidate");
		assertThat(driver.getTitle()).doesNotStartWith("Error: ");
		String passed = driver.findElement(By.id("candidate")).getText();
		Matcher candidate = Pattern.compile("Candidate (\\S+) passed: (\\d+) rules, 1 scenarios \\(folder (.+)\\)\\.")
			.matcher(passed);
		assertThat(candidate.matches()).as(passed).isTrue();
		String version = candidate.group(1);
		assertThat(Integer.parseInt(candidate.group(2))).isPositive();
		assertThat(candidate.group(3)).isEqualTo(folder.toAbsolutePath().normalize().toString());
		assertThat(driver.findElement(By.tagName("body")).getText()).contains("Active rulebase: ")
			.doesNotContain("Active rulebase: " + version);
		browser.screenshot("governance-08-candidate-passed");

		new Select(driver.findElement(By.id("whatif-candidate"))).selectByValue(version);
		browser.press("Run the what-if");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("What-if run");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Candidate " + version + " against the active ");
		String firstStatus = status();
		assertThat(firstStatus).isIn("RUNNING", "DONE");
		if (firstStatus.equals("RUNNING")) {
			assertThat(driver.findElements(By.xpath("//button[normalize-space()='Cancel the run']"))).hasSize(1);
			browser.screenshot("governance-09-whatif-running");
		}
		new WebDriverWait(driver, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(250)).until(d -> "DONE".equals(status()));
		String progress = driver.findElement(By.xpath("//strong[@id='status']/..")).getText();
		Matcher counts = Pattern.compile("DONE\\s+(\\d+) of (\\d+) assessments \\(100%\\)").matcher(progress);
		assertThat(counts.find()).as(progress).isTrue();
		int total = Integer.parseInt(counts.group(2));
		assertThat(Integer.parseInt(counts.group(1))).isEqualTo(total);
		assertThat(total).isGreaterThanOrEqualTo(BULK + 3);
		assertThat(driver.findElement(By.id("progress")).getAttribute("value")).isEqualTo(String.valueOf(total));
		assertThat(driver.findElements(By.xpath("//button[normalize-space()='Cancel the run']"))).isEmpty();

		String changes = driver.findElement(By.xpath("//main//h2")).getText();
		Matcher changed = Pattern.compile("(\\d+) of (\\d+) assessments would change").matcher(changes);
		assertThat(changed.matches()).as(changes).isTrue();
		int assessed = Integer.parseInt(changed.group(2));
		assertThat(assessed).isBetween(BULK + 3, total);
		assertThat(Integer.parseInt(changed.group(1))).isPositive();
		WebElement matrix = driver.findElement(By.xpath(
				"//h3[normalize-space()='Ratings, from (rows) to (columns)']/following-sibling::table[1]"));
		assertThat(matrix.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText))
			.containsExactly("From", "LOW", "MODERATE", "HIGH", "SEVERE");
		List<WebElement> rows = matrix.findElements(By.cssSelector("tbody tr"));
		assertThat(rows).hasSize(4);
		int sum = 0;
		int higher = 0;
		for (int from = 0; from < 4; from++) {
			assertThat(rows.get(from).findElement(By.tagName("th")).getText()).isEqualTo(RATINGS.get(from));
			List<WebElement> tos = rows.get(from).findElements(By.tagName("td"));
			assertThat(tos).hasSize(4);
			for (int to = 0; to < 4; to++) {
				int count = Integer.parseInt(tos.get(to).getText());
				sum += count;
				higher += to > from ? count : 0;
			}
		}
		// every assessment re-assessed is counted once; weighing HIGH findings more raises some ratings
		assertThat(sum).isEqualTo(assessed);
		assertThat(higher).isPositive();
		String byBoard = driver.findElement(By.xpath("//h3[normalize-space()='By board']/following-sibling::ul[1]")).getText();
		assertThat(byBoard).contains("Elective and Planned Care: ", "Digital and Data: ", "rated higher");
		browser.screenshot("governance-10-whatif-done");

		WebElement download = driver.findElement(By.linkText("Download the assessments that would change (CSV)"));
		String href = download.getAttribute("href");
		assertThat(href).matches("http://localhost:" + port + "/api/whatif/[0-9a-f-]{36}/report\\.csv");
		Cookie session = driver.manage().getCookieNamed("JSESSIONID");
		assertThat(session).isNotNull();
		HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(href))
			.header("Cookie", session.getName() + "=" + session.getValue())
			.GET()
			.build(), BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				d -> assertThat(d).startsWith("attachment"));
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("assessment_id,title,board,rating_from,rating_to,score_from,score_to,"
				+ "residual_from,residual_to,rules_started,rules_stopped,mitigations_gained,mitigations_lost");
		assertThat(lines).hasSize(1 + Integer.parseInt(changed.group(1)));
		assertThat(csv.body()).contains(TITLE);
		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(href)).GET().build(),
				BodyHandlers.ofString());
		assertThat(anonymous.body()).doesNotContain("assessment_id,title,board");

		browser.navigate(By.linkText("Governance"));
		assertThat(driver.findElement(By.xpath("//h3[normalize-space()='Recent runs']/following-sibling::ul[1]")).getText())
			.contains("DONE: " + total + " of " + total + " assessments");
		browser.screenshot("governance-11-recent-runs");
	}

	@Test
	void aCandidateThatDoesNotCompileIsRejectedWithTheFileAndLine(@TempDir Path temp) throws Exception {
		Path folder = candidateFolder(temp.resolve("broken"), "HIGH,10,", "HIGH,10,");
		Files.writeString(folder.resolve("lens/broken.drl"), "package lens;\n\nrule \"Broken\"\nwhen\n\tNoSuchFact()\nthen\nend\n");
		WebDriver driver = browser.driver();

		browser.signIn("http://localhost:" + port, "governance");
		browser.navigate(By.linkText("Governance"));
		String active = driver.findElement(By.xpath("//p[starts-with(normalize-space(), 'Active rulebase: ')]")).getText();
		browser.type("folder", folder.toAbsolutePath().toString());
		browser.screenshot("governance-rejected-01-folder");
		browser.press("Check the candidate");

		assertThat(driver.getTitle()).startsWith("Error: Governance");
		WebElement summary = driver.findElement(By.className("nhsuk-error-summary"));
		assertThat(summary.findElement(By.className("nhsuk-error-summary__heading")).getText())
			.isEqualTo("The rulebase was rejected; the active rulebase keeps serving");
		List<String> problems = summary.findElements(By.cssSelector(".nhsuk-error-summary__list li")).stream()
			.map(WebElement::getText)
			.toList();
		assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("lens/broken.drl [line 5]").contains("NoSuchFact"));
		assertThat(driver.findElements(By.id("candidate"))).isEmpty();
		assertThat(driver.findElement(By.xpath("//p[starts-with(normalize-space(), 'Active rulebase: ')]")).getText())
			.isEqualTo(active);
		browser.screenshot("governance-rejected-02-error-summary");

		browser.type("folder", temp.resolve("no-such-folder").toAbsolutePath().toString());
		browser.press("Check the candidate");
		assertThat(driver.findElements(By.cssSelector(".nhsuk-error-summary__list li")).stream().map(WebElement::getText))
			.containsExactly("The folder " + temp.resolve("no-such-folder").toAbsolutePath() + " does not exist on the server.");
		browser.screenshot("governance-rejected-03-no-such-folder");
	}

	/**
	 * A few varied submissions of the spec example, the bulk that makes the what-if take a moment,
	 * a mitigation response (a second evaluation) and an approval against the lens.
	 */
	private void prepareThroughTheApi() throws Exception {
		for (int i = 0; i < BULK; i++) {
			ObjectNode document = example();
			document.put("title", "Online booking, practice " + i);
			document.remove("mitigations");
			if (i % 3 == 0) {
				document.put("board", "DIGITAL");
			}
			((ObjectNode) document.get("population")).put("affected", 500 + 10 * i);
			if (i % 2 == 0) {
				wellEvidenced(document);
			}
			submit(document);
		}
		ObjectNode digital = example();
		digital.put("title", "Governance journey: digital front door with a phone route");
		digital.put("board", "DIGITAL");
		((ObjectNode) digital.get("monitoring")).put("planned", true).put("byDeprivation", true).put("byEthnicity", false);
		submit(digital);
		ObjectNode relocation = example();
		relocation.put("title", "Governance journey: podiatry moves to the hospital site");
		relocation.put("proposalType", "RELOCATION");
		relocation.remove("mitigations");
		relocation.set("barriers", json.createArrayNode().add(json.createObjectNode().put("code", "TRAVEL_DISTANCE")
			.put("severity", "MEDIUM")));
		submit(relocation);

		ObjectNode featured = example();
		featured.put("title", TITLE);
		featured.remove("mitigations");
		String id = submit(featured);
		ObjectNode responses = json.createObjectNode();
		responses.putArray("mitigations").add(json.createObjectNode().put("code", "NON_DIGITAL_ROUTE")
			.put("status", "COMMITTED").put("owner", "Audiology service manager").put("due", "2027-03-31"));
		responses.putObject("declined").put("PHASED_IMPLEMENTATION", "The booking system goes live for everyone at once.");
		HttpResponse<String> responded = send("ambassador", "PUT", "/api/assessments/" + id + "/mitigations",
				responses.toString());
		assertThat(responded.statusCode()).as(responded.body()).isEqualTo(200);
		long version = json.readTree(send("board.member", "GET", "/api/assessments/" + id, null).body()).get("version")
			.asLong();
		HttpResponse<String> decided = send("board.member", "POST", "/api/assessments/" + id + "/decisions",
				json.createObjectNode().put("decision", "APPROVED").put("reason", "The contract ends in March.")
					.put("overrideJustification", "The residual risk is accepted for the pilot.")
					.put("version", version)
					.toString());
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
	}

	/**
	 * The example with its evidence, engagement and monitoring in order and fewer cohorts at risk: a
	 * lower rating today, which weighing HIGH findings more would raise.
	 */
	private void wellEvidenced(ObjectNode document) {
		tools.jackson.databind.node.ArrayNode cohorts = json.createArrayNode()
			.add(json.createObjectNode().put("code", "CORE20").put("impact", "NEGATIVE").put("evidence", "Online booking is lower in deciles 1-2."))
			.add(json.createObjectNode().put("code", "AGE").put("impact", "NEUTRAL").put("evidence", "Similar use across ages."));
		// complete for submission: the other protected characteristics answered, none at risk
		for (String code : List.of("DISABILITY", "GENDER_REASSIGNMENT", "MARRIAGE_CIVIL_PARTNERSHIP", "PREGNANCY_MATERNITY",
				"RACE", "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION")) {
			cohorts.add(json.createObjectNode().put("code", code).put("impact", "NEUTRAL").put("evidence", "No different effect expected."));
		}
		document.set("cohorts", cohorts);
		document.remove("clinicalAreas");
		((ObjectNode) document.get("evidence")).put("dataDisaggregated", true);
		((ObjectNode) document.get("engagement")).put("affectedCommunitiesEngaged", true).put("coProduced", true);
		((ObjectNode) document.get("monitoring")).put("planned", true).put("byDeprivation", true).put("byEthnicity", true);
	}

	private String submit(ObjectNode document) throws Exception {
		HttpResponse<String> created = send("ambassador", "POST", "/api/assessments?submit=true", document.toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asString();
	}

	/** The project's rules with one line of a rule file changed, and one scenario that holds under it. */
	private Path candidateFolder(Path folder, String from, String to) throws IOException {
		return uk.nhs.equitylens.rulebase.CandidateFolders.changed(folder, from, to, example(), json);
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

	/** The cells of the dashboard row whose first cell is this board's label. */
	private static List<String> row(WebElement table, String board) {
		for (WebElement tr : table.findElements(By.cssSelector("tbody tr"))) {
			List<String> cells = new ArrayList<>(tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
			if (!cells.isEmpty() && cells.get(0).equals(board)) {
				return cells;
			}
		}
		throw new AssertionError("No dashboard row for " + board + " in: " + table.getText());
	}

	/** The what-if status on the current page; null while the page is reloading itself. */
	private String status() {
		try {
			return browser.driver().findElement(By.id("status")).getText();
		}
		catch (NoSuchElementException | StaleElementReferenceException ex) {
			return null;
		}
	}

}
