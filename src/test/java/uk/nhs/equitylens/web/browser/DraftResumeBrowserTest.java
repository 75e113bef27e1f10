package uk.nhs.equitylens.web.browser;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ambassador leaves a draft and comes back to it, in a real browser (headless Chromium): the
 * first two sections filled, signed out, signed in again, the draft found on the home list, its task
 * list showing which sections are done, the saved answers pre-filled, a barrier without a severity
 * and an unanswered monitoring question caught in the NHS error summary and fixed, the assessment
 * submitted, and the required mitigations answered on the result page (one committed with an owner
 * and due date, one declined with a reason) so that the residual rating falls and the history gains
 * a "Mitigations changed" row. Screenshots under {@code target/screenshots/draft-*}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DraftResumeBrowserTest {

	private static final String TITLE = "Draft resume: audiology drop-in clinic moves to online booking";

	private static final String DECLINED = "The service is commissioned for the whole county; no extra Core20 clinics are funded.";

	private static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		browser.close();
	}

	@Test
	void anAmbassadorLeavesADraftComesBackToItAndSubmitsIt() {
		WebDriver driver = browser.driver();
		signIn("ambassador");
		navigate(By.linkText("Start a new assessment"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("About the proposal");
		type("title", TITLE);
		choose("board-PLANNED_CARE");
		choose("proposalType-DIGITAL_CHANNEL");
		type("summary", "The audiology drop-in clinic for hearing aid repairs closes; repairs are booked online only.");
		browser.screenshot("draft-01-proposal");
		saveAndContinue();
		Matcher url = Pattern.compile(".*/assessments/([0-9a-f-]{36})/sections/population$").matcher(driver.getCurrentUrl());
		assertThat(url.matches()).as(driver.getCurrentUrl()).isTrue();
		String id = url.group(1);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Who it affects");

		type("population-affected", "12,000");
		type("population-core20Share", "34");
		type("population-areas", "E01013995\nE01032260");
		browser.screenshot("draft-02-population");
		saveAndContinue();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("People in the most deprived areas");
		press("Sign out");
		assertThat(driver.getTitle()).startsWith("Sign in");
		assertThat(driver.findElements(By.linkText("Start a new assessment"))).isEmpty();
		browser.screenshot("draft-03-signed-out");

		signIn("ambassador");
		WebElement row = driver.findElement(By.xpath("//tr[td/a[normalize-space()='" + TITLE + "']]"));
		assertThat(row.getText()).contains("Elective and Planned Care", "Draft", "Not assessed yet");
		browser.screenshot("draft-04-home-list");
		navigate(By.linkText(TITLE));
		assertThat(driver.getCurrentUrl()).endsWith("/assessments/" + id);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("You have completed 2 of 10 sections.");
		assertThat(taskStatuses()).containsExactly(Map.entry("proposal", "Completed"), Map.entry("population", "Completed"),
				Map.entry("core20", "Not started"), Map.entry("plus", "Not started"),
				Map.entry("inclusion-health", "Not started"), Map.entry("protected", "Not started"),
				Map.entry("access", "Not started"), Map.entry("clinical", "Not started"),
				Map.entry("evidence", "Not started"), Map.entry("monitoring", "Not started"));
		browser.screenshot("draft-05-task-list");

		navigate(By.linkText("Who it affects"));
		assertThat(value("population-affected")).isEqualTo("12000");
		assertThat(value("population-core20Share")).isEqualTo("34");
		assertThat(value("population-areas")).isEqualTo("E01013995\nE01032260");
		assertThat(driver.findElements(By.cssSelector(".nhsuk-error-summary"))).isEmpty();
		browser.screenshot("draft-06-population-prefilled");
		press("Save and return to the task list");
		assertThat(driver.getCurrentUrl()).endsWith("/assessments/" + id);

		navigate(By.linkText("People in the most deprived areas"));
		choose("cohorts-CORE20-impact-NEGATIVE");
		type("cohorts-CORE20-evidence", "Most repair visits come from two Core20 neighbourhoods.");
		saveAndContinue();
		choose("cohorts-RURAL_ISOLATED-impact-UNKNOWN");
		saveAndContinue();
		saveAndContinue();
		choose("cohorts-AGE-impact-NEGATIVE");
		type("cohorts-AGE-evidence", "Nine in ten hearing aid users are over 65.");
		saveAndContinue();

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Barriers to access");
		tick("barriers");
		saveAndContinue();
		assertThat(driver.getTitle()).startsWith("Error: Barriers to access");
		browser.screenshot("draft-07-barrier-without-severity");
		assertThat(errorSummary()).containsExactly("Select how severe this barrier is: Access only or mainly online / by app");
		assertThat(driver.findElement(By.cssSelector(".nhsuk-error-summary__list a")).getAttribute("href"))
			.endsWith("#barriers-DIGITAL_ONLY-severity");
		// the severity question is revealed under the ticked barrier (the radio itself is styled over by its label)
		assertThat(driver.findElement(By.cssSelector("label[for='barriers-DIGITAL_ONLY-severity']")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("barriers")).isSelected()).isTrue();
		assertThat(driver.findElement(By.cssSelector(".nhsuk-form-group--error .nhsuk-error-message")).getText())
			.contains("Select how severe this barrier is");
		choose("barriers-DIGITAL_ONLY-severity-HIGH");
		saveAndContinue();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Core20PLUS5 clinical areas");
		tick("clinicalAreas-HYPERTENSION_LIPIDS");
		saveAndContinue();
		choose("evidence-dataDisaggregated-no");
		type("evidence-sources", "Repair visits by postcode and IMD decile, 2025.");
		choose("engagement-affectedCommunitiesEngaged-no");
		saveAndContinue();

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Monitoring");
		saveAndContinue();
		assertThat(driver.getTitle()).startsWith("Error: Monitoring");
		assertThat(errorSummary()).containsExactly("Select yes if uptake and outcomes will be monitored");
		browser.screenshot("draft-08-monitoring-unanswered");
		choose("monitoring-planned-no");
		press("Save and return to the task list");
		assertThat(taskStatuses()).containsEntry("access", "Completed")
			.containsEntry("clinical", "Completed")
			.containsEntry("evidence", "Completed")
			.containsEntry("monitoring", "Completed")
			.containsEntry("core20", "Completed")
			.containsEntry("protected", "Completed");
		browser.screenshot("draft-09-task-list-done");

		navigate(By.linkText("Check your answers and submit"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your answers before submitting");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("12000", "E01013995", TITLE);
		browser.screenshot("draft-10-check-answers");
		press("Submit the assessment");

		assertThat(driver.getCurrentUrl()).contains("/assessments/" + id + "/result");
		assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("SUBMITTED");
		String rating = driver.findElement(By.id("rating")).getText();
		String residualBefore = driver.findElement(By.id("residual-rating")).getText();
		assertThat(rating).isIn("HIGH", "SEVERE");
		assertThat(residualBefore).isEqualTo(rating);
		assertThat(driver.findElement(By.id("NON_DIGITAL_ROUTE-hint")).getText()).contains("Required by ACC-001", "Not satisfied");
		assertThat(driver.findElement(By.id("PROPORTIONATE_UNIVERSALISM-hint")).getText()).contains("Not satisfied");
		assertThat(history()).hasSize(1);
		browser.screenshot("draft-11-result");

		choose("NON_DIGITAL_ROUTE-response");
		type("NON_DIGITAL_ROUTE-owner", "Audiology service manager");
		type("NON_DIGITAL_ROUTE-due-day", "30");
		type("NON_DIGITAL_ROUTE-due-month", "6");
		type("NON_DIGITAL_ROUTE-due-year", "2027");
		choose("PROPORTIONATE_UNIVERSALISM-response-DECLINED");
		press("Save responses and re-assess");
		assertThat(driver.getTitle()).startsWith("Error: ");
		assertThat(errorSummary()).containsExactly(
				"Explain why not: Extra resource targeted to Core20 areas and PLUS groups");
		assertThat(value("NON_DIGITAL_ROUTE-owner")).isEqualTo("Audiology service manager");
		assertThat(history()).hasSize(1);
		browser.screenshot("draft-12-decline-without-reason");
		type("PROPORTIONATE_UNIVERSALISM-reason", DECLINED);
		press("Save responses and re-assess");

		assertThat(driver.getTitle()).doesNotStartWith("Error: ");
		String residualAfter = driver.findElement(By.id("residual-rating")).getText();
		assertThat(order(residualAfter)).isLessThan(order(residualBefore));
		assertThat(driver.findElement(By.id("rating")).getText()).isEqualTo(rating);
		assertThat(driver.findElement(By.id("NON_DIGITAL_ROUTE-hint")).getText()).contains("Satisfied")
			.doesNotContain("Not satisfied");
		assertThat(driver.findElement(By.id("PROPORTIONATE_UNIVERSALISM-hint")).getText()).contains("Not satisfied");
		assertThat(driver.findElement(By.id("NON_DIGITAL_ROUTE-response")).isSelected()).isTrue();
		assertThat(value("NON_DIGITAL_ROUTE-owner")).isEqualTo("Audiology service manager");
		assertThat(value("NON_DIGITAL_ROUTE-due-day") + "/" + value("NON_DIGITAL_ROUTE-due-month") + "/"
				+ value("NON_DIGITAL_ROUTE-due-year")).isEqualTo("30/6/2027");
		assertThat(driver.findElement(By.id("PROPORTIONATE_UNIVERSALISM-response-DECLINED")).isSelected()).isTrue();
		assertThat(value("PROPORTIONATE_UNIVERSALISM-reason")).isEqualTo(DECLINED);
		List<List<String>> history = history();
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get(0)).isEqualTo("#2");
		assertThat(history.get(0).get(2)).isEqualTo("Mitigations changed");
		assertThat(history.get(0).get(3)).startsWith(rating + " (");
		assertThat(history.get(0).get(4)).startsWith(residualAfter + " (");
		assertThat(history.get(1).get(0)).isEqualTo("#1");
		assertThat(history.get(1).get(2)).isEqualTo("Submitted");
		assertThat(history.get(1).get(4)).startsWith(residualBefore + " (");
		browser.screenshot("draft-13-mitigations-answered");

		navigate(By.linkText("See the board's decision, comments and follow-up"));
		String responses = driver.findElement(By.xpath(
				"//h2[normalize-space()=\"Required mitigations and the ambassador's responses\"]/following-sibling::table[1]"))
			.getText();
		assertThat(responses).contains("COMMITTED", "Declined: " + DECLINED);
		browser.screenshot("draft-14-review-page");
	}

	/** Each task's section id and status, in the order of the task list. */
	private Map<String, String> taskStatuses() {
		Map<String, String> statuses = new LinkedHashMap<>();
		for (WebElement status : browser.driver().findElements(By.className("nhsuk-task-list__status"))) {
			statuses.put(status.getAttribute("id").replace("-status", ""), status.getText());
		}
		return statuses;
	}

	/** The History table's rows, newest first, as cell texts. */
	private List<List<String>> history() {
		return browser.driver().findElements(By.xpath("//h2[normalize-space()='History']/following-sibling::table[1]/tbody/tr"))
			.stream()
			.map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.toList();
	}

	private String value(String id) {
		return browser.driver().findElement(By.id(id)).getDomProperty("value");
	}

	private void signIn(String username) {
		browser.open("http://localhost:" + port + "/login");
		type("username", username);
		type("password", "demo");
		press("Sign in");
	}

	private void type(String id, String text) {
		WebElement field = browser.driver().findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private void choose(String id) {
		browser.driver().findElement(By.cssSelector("label[for='" + id + "']")).click();
	}

	private void tick(String id) {
		choose(id);
	}

	private void saveAndContinue() {
		press("Save and continue");
	}

	private void press(String button) {
		navigate(By.xpath("//button[normalize-space()='" + button + "']"));
	}

	private void navigate(By by) {
		WebDriver driver = browser.driver();
		WebElement page = driver.findElement(By.tagName("html"));
		driver.findElement(by).click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
	}

	private List<String> errorSummary() {
		return browser.driver().findElements(By.cssSelector(".nhsuk-error-summary__list a")).stream()
			.map(WebElement::getText)
			.toList();
	}

	private static int order(String rating) {
		return List.of("LOW", "MODERATE", "HIGH", "SEVERE").indexOf(rating);
	}

}
