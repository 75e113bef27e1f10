package uk.nhs.equitylens.web.browser;

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
		browser.signIn("http://localhost:" + port, "ambassador");
		browser.navigate(By.linkText("Start a new assessment"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("About the proposal");
		browser.type("title", TITLE);
		browser.choose("board-PLANNED_CARE");
		browser.choose("proposalType-DIGITAL_CHANNEL");
		browser.type("summary", "The audiology drop-in clinic for hearing aid repairs closes; repairs are booked online only.");
		browser.screenshot("draft-01-proposal");
		saveAndContinue();
		Matcher url = Pattern.compile(".*/assessments/([0-9a-f-]{36})/sections/population$").matcher(driver.getCurrentUrl());
		assertThat(url.matches()).as(driver.getCurrentUrl()).isTrue();
		String id = url.group(1);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Who it affects");

		browser.type("population-affected", "12,000");
		browser.type("population-core20Share", "34");
		browser.type("population-areas", "E01013995\nE01032260");
		browser.screenshot("draft-02-population");
		saveAndContinue();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("People in the most deprived areas");
		browser.press("Sign out");
		assertThat(driver.getTitle()).startsWith("Sign in");
		assertThat(driver.findElements(By.linkText("Start a new assessment"))).isEmpty();
		browser.screenshot("draft-03-signed-out");

		browser.signIn("http://localhost:" + port, "ambassador");
		WebElement row = driver.findElement(By.xpath("//tr[td/a[normalize-space()='" + TITLE + "']]"));
		assertThat(row.getText()).contains("Elective and Planned Care", "Draft", "Not assessed yet");
		browser.screenshot("draft-04-home-list");
		browser.navigate(By.linkText(TITLE));
		assertThat(driver.getCurrentUrl()).endsWith("/assessments/" + id);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("You have completed 2 of 11 sections.");
		assertThat(taskStatuses()).containsExactly(Map.entry("proposal", "Completed"), Map.entry("population", "Completed"),
				Map.entry("core20", "Not started"), Map.entry("plus", "Not started"),
				Map.entry("inclusion-health", "Not started"), Map.entry("protected", "Not started"),
				Map.entry("access", "Not started"), Map.entry("clinical", "Not started"),
				Map.entry("evidence", "Not started"), Map.entry("monitoring", "Not started"),
				Map.entry("your-view", "Not started"));
		browser.screenshot("draft-05-task-list");

		browser.navigate(By.linkText("Who it affects"));
		assertThat(value("population-affected")).isEqualTo("12000");
		assertThat(value("population-core20Share")).isEqualTo("34");
		assertThat(value("population-areas")).isEqualTo("E01013995\nE01032260");
		assertThat(driver.findElements(By.cssSelector(".nhsuk-error-summary"))).isEmpty();
		browser.screenshot("draft-06-population-prefilled");
		browser.press("Save and return to the task list");
		assertThat(driver.getCurrentUrl()).endsWith("/assessments/" + id);

		browser.navigate(By.linkText("People in the most deprived areas"));
		browser.choose("cohorts-CORE20-impact-NEGATIVE");
		browser.type("cohorts-CORE20-evidence", "Most repair visits come from two Core20 neighbourhoods.");
		saveAndContinue();
		browser.choose("cohorts-RURAL_ISOLATED-impact-UNKNOWN");
		saveAndContinue();
		saveAndContinue();
		browser.choose("cohorts-AGE-impact-NEGATIVE");
		browser.type("cohorts-AGE-evidence", "Nine in ten hearing aid users are over 65.");
		// the age group names the people meant: the lens knows online-only routes bear on older people
		browser.choose("cohorts-OLDER_PEOPLE-impact-NEGATIVE");
		browser.type("cohorts-OLDER_PEOPLE-evidence", "Nine in ten hearing aid users are over 65.");
		// every protected characteristic needs an answer before submission; not known is one
		for (String code : java.util.List.of("DISABILITY", "GENDER_REASSIGNMENT", "MARRIAGE_CIVIL_PARTNERSHIP",
				"PREGNANCY_MATERNITY", "RACE", "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION")) {
			browser.choose("cohorts-" + code + "-impact-UNKNOWN");
		}
		saveAndContinue();

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Barriers to access");
		browser.choose("barriers");
		saveAndContinue();
		assertThat(driver.getTitle()).startsWith("Error: Barriers to access");
		browser.screenshot("draft-07-barrier-without-severity");
		assertThat(browser.errorSummary()).containsExactly("Select how severe this barrier is: Access only or mainly online / by app");
		assertThat(driver.findElement(By.cssSelector(".nhsuk-error-summary__list a")).getAttribute("href"))
			.endsWith("#barriers-DIGITAL_ONLY-severity");
		// the severity question is revealed under the ticked barrier (the radio itself is styled over by its label)
		assertThat(driver.findElement(By.cssSelector("label[for='barriers-DIGITAL_ONLY-severity']")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("barriers")).isSelected()).isTrue();
		assertThat(driver.findElement(By.cssSelector(".nhsuk-form-group--error .nhsuk-error-message")).getText())
			.contains("Select how severe this barrier is");
		browser.choose("barriers-DIGITAL_ONLY-severity-HIGH");
		saveAndContinue();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Core20PLUS5 clinical areas");
		// hearing aftercare touches no Core20PLUS5 clinical area
		saveAndContinue();
		browser.choose("evidence-dataDisaggregated-no");
		browser.type("evidence-sources", "Repair visits by postcode and IMD decile, 2025.");
		browser.choose("engagement-affectedCommunitiesEngaged-no");
		saveAndContinue();

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Monitoring");
		saveAndContinue();
		assertThat(driver.getTitle()).startsWith("Error: Monitoring");
		assertThat(browser.errorSummary()).containsExactly("Select yes if uptake and outcomes will be monitored");
		browser.screenshot("draft-08-monitoring-unanswered");
		browser.choose("monitoring-planned-no");
		browser.press("Save and return to the task list");
		assertThat(taskStatuses()).containsEntry("access", "Completed")
			.containsEntry("clinical", "Completed")
			.containsEntry("evidence", "Completed")
			.containsEntry("monitoring", "Completed")
			.containsEntry("core20", "Completed")
			.containsEntry("protected", "Completed");
		browser.screenshot("draft-09-task-list-done");

		browser.navigate(By.linkText("Check your answers and submit"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your answers before submitting");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("12000", "E01013995", TITLE);
		browser.screenshot("draft-10-check-answers");
		browser.press("Submit the assessment");

		assertThat(driver.getCurrentUrl()).contains("/assessments/" + id + "/result");
		assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("SUBMITTED");
		String rating = driver.findElement(By.id("rating")).getText();
		String residualBefore = driver.findElement(By.id("residual-rating")).getText();
		assertThat(rating).isIn("HIGH", "SEVERE");
		assertThat(residualBefore).isEqualTo(rating);
		assertThat(driver.findElement(By.id("NON_DIGITAL_ROUTE-hint")).getText()).contains("Required by ACC-001", "Not satisfied");
		assertThat(driver.findElement(By.id("DIGITAL_SUPPORT-hint")).getText()).contains("Not satisfied");
		assertThat(history()).hasSize(1);
		browser.screenshot("draft-11-result");

		browser.choose("NON_DIGITAL_ROUTE-response");
		browser.type("NON_DIGITAL_ROUTE-owner", "Audiology service manager");
		browser.type("NON_DIGITAL_ROUTE-due-day", "30");
		browser.type("NON_DIGITAL_ROUTE-due-month", "6");
		browser.type("NON_DIGITAL_ROUTE-due-year", "2027");
		browser.choose("DIGITAL_SUPPORT-response-DECLINED");
		browser.press("Save responses and re-assess");
		assertThat(driver.getTitle()).startsWith("Error: ");
		assertThat(browser.errorSummary()).containsExactly(
				"Explain why not: Assisted digital support: help to use it, devices or data, proxy access");
		assertThat(value("NON_DIGITAL_ROUTE-owner")).isEqualTo("Audiology service manager");
		assertThat(history()).hasSize(1);
		browser.screenshot("draft-12-decline-without-reason");
		browser.type("DIGITAL_SUPPORT-reason", DECLINED);
		browser.press("Save responses and re-assess");

		assertThat(driver.getTitle()).doesNotStartWith("Error: ");
		String residualAfter = driver.findElement(By.id("residual-rating")).getText();
		assertThat(order(residualAfter)).isLessThan(order(residualBefore));
		assertThat(driver.findElement(By.id("rating")).getText()).isEqualTo(rating);
		assertThat(driver.findElement(By.id("NON_DIGITAL_ROUTE-hint")).getText()).contains("Satisfied")
			.doesNotContain("Not satisfied");
		assertThat(driver.findElement(By.id("DIGITAL_SUPPORT-hint")).getText()).contains("Not satisfied");
		assertThat(driver.findElement(By.id("NON_DIGITAL_ROUTE-response")).isSelected()).isTrue();
		assertThat(value("NON_DIGITAL_ROUTE-owner")).isEqualTo("Audiology service manager");
		assertThat(value("NON_DIGITAL_ROUTE-due-day") + "/" + value("NON_DIGITAL_ROUTE-due-month") + "/"
				+ value("NON_DIGITAL_ROUTE-due-year")).isEqualTo("30/6/2027");
		assertThat(driver.findElement(By.id("DIGITAL_SUPPORT-response-DECLINED")).isSelected()).isTrue();
		assertThat(value("DIGITAL_SUPPORT-reason")).isEqualTo(DECLINED);
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

		browser.navigate(By.linkText("See the board's decision, comments and follow-up"));
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

	private void saveAndContinue() {
		browser.press("Save and continue");
	}

	private static int order(String rating) {
		return List.of("LOW", "MODERATE", "HIGH", "SEVERE").indexOf(rating);
	}

}
