package uk.nhs.equitylens.web.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input in a real browser under the content security policy. Script and HTML payloads
 * (with Welsh, Polish, Urdu and emoji text around them) are typed into every free-text field an
 * ambassador and a board member can fill: title, summary, a cohort's evidence, a barrier's note,
 * evidence sources, what the engagement found, a mitigation's owner, a decline reason, a decision's
 * reason, conditions and override justification, a comment, and the follow-up's "what happened"
 * (the form has no free-text monitoring question). Every page that shows them is then visited: no
 * payload runs ({@code window.__pwned} stays undefined), no {@code javascript:} link appears, each
 * text a page shows is there whole, as text, with its Welsh, Polish, Urdu and emoji intact, and the
 * console reports no content security policy violation. Swagger UI is checked under its own policy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostileInputBrowserTest {

	private static final String HOSTILE = "<script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=1\"> "
			+ "\"><svg onload=window.__pwned=1> javascript:window.__pwned=1";

	private static final String WORLD = "Ysbyty Gwynedd ŵ ŷ zażółć gęślą jaźń اردو";

	/** Each field's text: a unique marker, text in other scripts, then the payloads. */
	private static final Map<String, String> TEXT = new LinkedHashMap<>();

	static {
		for (String field : List.of("TITLE", "SUMMARY", "COHORT", "BARRIER", "SOURCES", "ENGAGEMENT", "OWNER",
				"DECLINE", "REASON", "CONDITIONS", "OVERRIDE", "COMMENT", "FOLLOWUP")) {
			TEXT.put(field, "F-" + field + " " + WORLD + (field.equals("SUMMARY") ? " 🏥👩🏽‍⚕️" : "") + " " + HOSTILE);
		}
	}

	private static Browser browser;

	@LocalServerPort
	int port;

	private final Set<String> shown = new TreeSet<>();

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		browser.close();
	}

	@Test
	void hostileTextInEveryFieldIsShownAsTextAndNeverRuns() {
		WebDriver driver = browser.driver();
		browser.signIn(base(), "ambassador");
		page("home (empty)");
		browser.navigate(By.linkText("Start a new assessment"));
		page("new assessment form");
		fill("title", TEXT.get("TITLE"));
		browser.choose("board-PLANNED_CARE");
		browser.choose("proposalType-DIGITAL_CHANNEL");
		fill("summary", TEXT.get("SUMMARY"));
		next();
		String id = driver.getCurrentUrl().replaceAll(".*/assessments/([0-9a-f-]{36}).*", "$1");
		browser.type("population-affected", "12000");
		browser.type("population-core20Share", "34");
		next();
		browser.choose("cohorts-CORE20-impact-NEGATIVE");
		fill("cohorts-CORE20-evidence", TEXT.get("COHORT"));
		next();
		next();
		next();
		// every protected characteristic needs an answer before submission; not known is one
		for (String code : List.of("AGE", "DISABILITY", "GENDER_REASSIGNMENT", "MARRIAGE_CIVIL_PARTNERSHIP",
				"PREGNANCY_MATERNITY", "RACE", "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION")) {
			browser.choose("cohorts-" + code + "-impact-UNKNOWN");
		}
		next();
		browser.choose("barriers");
		browser.choose("barriers-DIGITAL_ONLY-severity-HIGH");
		fill("barriers-DIGITAL_ONLY-note", TEXT.get("BARRIER"));
		next();
		next();
		browser.choose("evidence-dataDisaggregated-no");
		fill("evidence-sources", TEXT.get("SOURCES"));
		browser.choose("engagement-affectedCommunitiesEngaged");
		browser.choose("engagement-coProduced-no");
		fill("engagement-summary", TEXT.get("ENGAGEMENT"));
		next();
		browser.choose("monitoring-planned-no");
		next();
		next();

		page("check answers", "TITLE", "SUMMARY");
		browser.open(base() + "/assessments/" + id + "/sections/proposal");
		page("proposal form, again");
		assertThat(value("title")).isEqualTo(TEXT.get("TITLE"));
		assertThat(value("summary")).isEqualTo(TEXT.get("SUMMARY"));
		browser.open(base() + "/assessments/" + id + "/sections/core20");
		page("Core20 form, again");
		assertThat(value("cohorts-CORE20-evidence")).isEqualTo(TEXT.get("COHORT"));
		browser.open(base() + "/assessments/" + id + "/sections/access");
		page("barriers form, again");
		assertThat(value("barriers-DIGITAL_ONLY-note")).isEqualTo(TEXT.get("BARRIER"));
		browser.open(base() + "/assessments/" + id + "/check");
		browser.press("Submit the assessment");
		page("result", "TITLE");

		List<WebElement> responses = driver.findElements(By.cssSelector("input[id$='-response']"));
		assertThat(responses).as("two required mitigations to respond to").hasSizeGreaterThanOrEqualTo(2);
		String committed = responses.get(0).getDomAttribute("id").replace("-response", "");
		String declined = responses.get(1).getDomAttribute("id").replace("-response", "");
		browser.choose(committed + "-response");
		fill(committed + "-owner", TEXT.get("OWNER"));
		browser.type(committed + "-due-day", "31");
		browser.type(committed + "-due-month", "3");
		browser.type(committed + "-due-year", "2027");
		browser.choose(declined + "-response-DECLINED");
		fill(declined + "-reason", TEXT.get("DECLINE"));
		browser.press("Save responses and re-assess");
		page("result, after responses", "TITLE");
		assertThat(value(committed + "-owner")).isEqualTo(TEXT.get("OWNER"));
		assertThat(value(declined + "-reason")).isEqualTo(TEXT.get("DECLINE"));
		browser.open(base() + "/assessments/" + id);
		page("task list", "TITLE");
		browser.open(base() + "/");
		page("home list", "TITLE");

		browser.signIn(base(), "board.member");
		browser.navigate(By.linkText("Review queue"));
		page("review queue", "TITLE");
		browser.open(base() + "/assessments/" + id + "/review");
		page("review", "TITLE", "DECLINE");
		fill("body", TEXT.get("COMMENT"));
		browser.press("Add comment");
		page("review, after the comment", "COMMENT");
		browser.choose("decision-APPROVED_WITH_CONDITIONS");
		fill("reason", TEXT.get("REASON"));
		fill("conditions", TEXT.get("CONDITIONS"));
		fill("overrideJustification", TEXT.get("OVERRIDE"));
		browser.press("Record the decision");
		assertThat(browser.errorSummary()).isEmpty();
		page("review, after the decision", "REASON", "CONDITIONS", "OVERRIDE");

		browser.signIn(base(), "ambassador");
		browser.open(base() + "/assessments/" + id + "/review");
		fill("whatHappened", TEXT.get("FOLLOWUP"));
		browser.press("Record the follow-up review");
		assertThat(browser.errorSummary()).isEmpty();
		page("review, after the follow-up", "FOLLOWUP", "COMMENT", "REASON");
		browser.open(base() + "/assessments/" + id + "/report");
		page("board paper", "TITLE", "SUMMARY", "OWNER", "DECLINE", "REASON", "CONDITIONS", "OVERRIDE");

		browser.signIn(base(), "governance");
		browser.open(base() + "/governance");
		page("governance: audit, dashboard, overrides", "OVERRIDE");
		browser.open(base() + "/cumulative");
		page("cumulative impact");
		browser.open(base() + "/assessments/" + id + "/review");
		page("review, as governance", "TITLE", "FOLLOWUP");

		// a cohort's evidence and a barrier's note are shown only in their own form fields, checked above
		assertThat(shown).as("every other field was shown as text on some page")
			.containsAll(TEXT.keySet().stream().filter(f -> !f.equals("COHORT") && !f.equals("BARRIER")).toList());
	}

	@Test
	void theSignInAboutAndErrorPagesRaiseNoPolicyViolation() {
		browser.driver().manage().deleteAllCookies();
		browser.open(base() + "/login");
		page("sign in");
		browser.open(base() + "/about");
		page("about");
		browser.signIn(base(), "ambassador");
		browser.open(base() + "/no-such-page");
		page("page not found");
	}

	@Test
	void swaggerUiWorksUnderItsPolicy() {
		browser.open(base() + "/swagger-ui/index.html");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock")));
		assertThat(browser.driver().findElement(By.cssSelector(".swagger-ui .info .title")).getText()).isNotBlank();
		assertThat(browser.consoleMessages()).as("Swagger UI console").noneMatch(m -> m.contains("Content Security Policy"));
	}

	/**
	 * The page as a person sees it: nothing ran, no script link, no policy violation, and every
	 * field text it shows is there whole.
	 */
	private void page(String name, String... mustShow) {
		WebDriver driver = browser.driver();
		Object pwned = ((JavascriptExecutor) driver).executeScript("return typeof window.__pwned;");
		assertThat(pwned).as("%s: a payload ran", name).isEqualTo("undefined");
		assertThat(driver.findElements(By.cssSelector("[href^='javascript:' i], [src^='javascript:' i], script:not([src]), "
				+ "svg[onload], img[onerror]"))).as("%s: markup from a payload", name).isEmpty();
		List<String> violations = new ArrayList<>(browser.consoleMessages());
		violations.removeIf(m -> !m.contains("Content Security Policy"));
		assertThat(violations).as("%s: content security policy violations", name).isEmpty();
		String text = driver.findElement(By.tagName("body")).getText();
		TEXT.forEach((field, value) -> {
			if (text.contains("F-" + field + " ")) {
				assertThat(text).as("%s shows %s whole, as text", name, field).contains(value);
				shown.add(field);
			}
		});
		for (String field : mustShow) {
			assertThat(text).as("%s shows %s", name, field).contains(TEXT.get(field));
		}
	}

	/** Types text into a field; characters outside the BMP (emoji), which chromedriver cannot type, are pasted. */
	private void fill(String id, String text) {
		if (text.codePoints().allMatch(Character::isBmpCodePoint)) {
			browser.type(id, text);
			return;
		}
		WebElement field = browser.driver().findElement(By.id(id));
		((JavascriptExecutor) browser.driver()).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
				field, text);
	}

	private String value(String id) {
		return browser.driver().findElement(By.id(id)).getDomProperty("value");
	}

	private void next() {
		browser.press("Save and continue");
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
