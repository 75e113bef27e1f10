package uk.nhs.equitylens.web.browser;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ambassador's journey in a real browser (headless Chromium): a new assessment filled page by
 * page, a missing required answer shown in the NHS error summary, the answers checked and
 * submitted, the result read, and a mitigation committed that lowers the residual rating.
 * Screenshots of each page are written under {@code target/screenshots/ambassador-*}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AmbassadorJourneyBrowserTest {

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
	void anAmbassadorAssessesAProposalAndCommitsAMitigation() {
		WebDriver driver = browser.driver();
		browser.open("http://localhost:" + port + "/");
		assertThat(driver.getTitle()).startsWith("Sign in");
		browser.type("username", "ambassador");
		browser.type("password", "demo");
		browser.press("Sign in");
		browser.screenshot("ambassador-01-home");
		browser.navigate(By.linkText("Start a new assessment"));

		browser.type("title", "Move adult hearing aftercare to online booking only");
		browser.choose("board-PLANNED_CARE");
		browser.choose("proposalType-DIGITAL_CHANNEL");
		saveAndContinue();
		assertThat(browser.errorSummary()).containsExactly("Enter a summary of the proposal");
		assertThat(driver.getTitle()).startsWith("Error: ");
		browser.screenshot("ambassador-02-missing-summary");
		driver.findElement(By.cssSelector(".nhsuk-error-summary a")).click();
		browser.type("summary", "Booking for hearing aid aftercare moves to the online booking system only.");
		browser.screenshot("ambassador-03-proposal");
		saveAndContinue();

		browser.type("population-affected", "12,000");
		browser.type("population-core20Share", "34");
		browser.type("population-areas", "E01013995\nE01032260");
		browser.screenshot("ambassador-04-population");
		saveAndContinue();

		browser.choose("cohorts-CORE20-impact-NEGATIVE");
		browser.type("cohorts-CORE20-evidence", "Most aftercare users live in two Core20 neighbourhoods.");
		browser.screenshot("ambassador-05-core20");
		saveAndContinue();
		browser.choose("cohorts-RURAL_ISOLATED-impact-UNKNOWN");
		saveAndContinue();
		saveAndContinue();
		browser.choose("cohorts-AGE-impact-NEGATIVE");
		browser.type("cohorts-AGE-evidence", "Most hearing-aid users are over 70.");
		browser.choose("cohorts-OLDER_PEOPLE-impact-NEGATIVE");
		browser.type("cohorts-OLDER_PEOPLE-evidence", "ONS internet use falls steeply after 75.");
		saveAndContinue();

		browser.choose("accessChanges-MAKES_A_ROUTE_DIGITAL");
		browser.choose("barriers");
		browser.choose("barriers-DIGITAL_ONLY-severity-HIGH");
		browser.screenshot("ambassador-06-barriers");
		saveAndContinue();
		// hearing aftercare touches no Core20PLUS5 clinical area
		saveAndContinue();
		browser.choose("evidence-dataDisaggregated-no");
		browser.type("evidence-sources", "Booking system data, 2025.");
		browser.choose("engagement-affectedCommunitiesEngaged-no");
		saveAndContinue();
		browser.choose("monitoring-planned-no");
		saveAndContinue();
		browser.choose("assessorView-rating-HIGH");
		browser.type("assessorView-reason", "The phone line is how most of our older patients book.");
		saveAndContinue();

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your answers before submitting");
		browser.screenshot("ambassador-07-check-answers");
		browser.press("Submit the assessment");

		// eight protected characteristics have no answer yet: refused, each named, nothing lost
		assertThat(driver.getTitle()).startsWith("Error: ");
		List<String> missing = List.of("DISABILITY", "GENDER_REASSIGNMENT", "MARRIAGE_CIVIL_PARTNERSHIP",
				"PREGNANCY_MATERNITY", "RACE", "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION");
		assertThat(browser.errorSummary()).hasSize(missing.size())
			.allSatisfy(m -> assertThat(m).startsWith("Say how the change affects people sharing the protected characteristic of"))
			.anySatisfy(m -> assertThat(m).contains("of race (use UNKNOWN if not known)"));
		browser.screenshot("ambassador-07b-incomplete");
		browser.untilNextPage(() -> driver.findElement(By.cssSelector(".nhsuk-error-summary a")).click());
		assertThat(driver.getCurrentUrl()).contains("/sections/protected#cohorts-DISABILITY-impact");
		assertThat(driver.findElement(By.id("cohorts-AGE-evidence")).getAttribute("value"))
			.isEqualTo("Most hearing-aid users are over 70.");
		for (String code : missing) {
			browser.choose("cohorts-" + code + "-impact-NEUTRAL");
			browser.type("cohorts-" + code + "-evidence", "Checked against the service's users: no different effect expected.");
		}
		browser.press("Save and return to the task list");
		browser.navigate(By.partialLinkText("Check your answers"));
		browser.press("Submit the assessment");

		String rating = driver.findElement(By.id("rating")).getText();
		String residualBefore = driver.findElement(By.id("residual-rating")).getText();
		assertThat(rating).isIn("HIGH", "SEVERE");
		assertThat(residualBefore).isEqualTo(rating);
		String findings = driver.findElement(By.className("lens-findings")).getText();
		assertThat(findings).contains("Rule ACC-001", "through access only or mainly online / by app", "34%");
		assertThat(driver.findElement(By.id("NON_DIGITAL_ROUTE-hint")).getText()).contains("Required by ACC-001",
				"Not satisfied");
		browser.screenshot("ambassador-08-result");

		browser.choose("NON_DIGITAL_ROUTE-response");
		browser.type("NON_DIGITAL_ROUTE-owner", "Audiology service manager");
		browser.type("NON_DIGITAL_ROUTE-due-day", "31");
		browser.type("NON_DIGITAL_ROUTE-due-month", "3");
		browser.type("NON_DIGITAL_ROUTE-due-year", "2027");
		browser.press("Save responses and re-assess");

		String residualAfter = driver.findElement(By.id("residual-rating")).getText();
		assertThat(order(residualAfter)).isLessThan(order(residualBefore));
		assertThat(driver.findElement(By.id("NON_DIGITAL_ROUTE-hint")).getText()).contains("Satisfied");
		assertThat(driver.findElement(By.id("rating")).getText()).isEqualTo(rating);
		assertThat(driver.getPageSource()).contains("Mitigations changed");
		browser.screenshot("ambassador-09-mitigation-committed");
	}

	private void saveAndContinue() {
		browser.press("Save and continue");
	}

	private static int order(String rating) {
		return List.of("LOW", "MODERATE", "HIGH", "SEVERE").indexOf(rating);
	}

}
