package uk.nhs.equitylens.web.browser;

import java.time.Duration;
import java.util.List;

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
		type("username", "ambassador");
		type("password", "demo");
		press("Sign in");
		browser.screenshot("ambassador-01-home");
		navigate(By.linkText("Start a new assessment"));

		type("title", "Move adult hearing aftercare to online booking only");
		choose("board-PLANNED_CARE");
		choose("proposalType-DIGITAL_CHANNEL");
		saveAndContinue();
		assertThat(errorSummary()).containsExactly("Enter a summary of the proposal");
		assertThat(driver.getTitle()).startsWith("Error: ");
		browser.screenshot("ambassador-02-missing-summary");
		driver.findElement(By.cssSelector(".nhsuk-error-summary a")).click();
		type("summary", "Booking for hearing aid aftercare moves to the online booking system only.");
		browser.screenshot("ambassador-03-proposal");
		saveAndContinue();

		type("population-affected", "12,000");
		type("population-core20Share", "34");
		type("population-areas", "E01013995\nE01032260");
		browser.screenshot("ambassador-04-population");
		saveAndContinue();

		choose("cohorts-CORE20-impact-NEGATIVE");
		type("cohorts-CORE20-evidence", "Most aftercare users live in two Core20 neighbourhoods.");
		browser.screenshot("ambassador-05-core20");
		saveAndContinue();
		choose("cohorts-RURAL_ISOLATED-impact-UNKNOWN");
		saveAndContinue();
		saveAndContinue();
		choose("cohorts-AGE-impact-NEGATIVE");
		saveAndContinue();

		tick("barriers");
		choose("barriers-DIGITAL_ONLY-severity-HIGH");
		browser.screenshot("ambassador-06-barriers");
		saveAndContinue();
		tick("clinicalAreas-HYPERTENSION_LIPIDS");
		saveAndContinue();
		choose("evidence-dataDisaggregated-no");
		type("evidence-sources", "Booking system data, 2025.");
		choose("engagement-affectedCommunitiesEngaged-no");
		saveAndContinue();
		choose("monitoring-planned-no");
		saveAndContinue();

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your answers before submitting");
		browser.screenshot("ambassador-07-check-answers");
		press("Submit the assessment");

		String rating = driver.findElement(By.id("rating")).getText();
		String residualBefore = driver.findElement(By.id("residual-rating")).getText();
		assertThat(rating).isIn("HIGH", "SEVERE");
		assertThat(residualBefore).isEqualTo(rating);
		String findings = driver.findElement(By.className("lens-findings")).getText();
		assertThat(findings).contains("Rule ACC-001", "people who cannot or do not go online may lose access", "34%");
		assertThat(driver.findElement(By.id("NON_DIGITAL_ROUTE-hint")).getText()).contains("Required by ACC-001",
				"Not satisfied");
		browser.screenshot("ambassador-08-result");

		choose("NON_DIGITAL_ROUTE-response");
		type("NON_DIGITAL_ROUTE-owner", "Audiology service manager");
		type("NON_DIGITAL_ROUTE-due-day", "31");
		type("NON_DIGITAL_ROUTE-due-month", "3");
		type("NON_DIGITAL_ROUTE-due-year", "2027");
		press("Save responses and re-assess");

		String residualAfter = driver.findElement(By.id("residual-rating")).getText();
		assertThat(order(residualAfter)).isLessThan(order(residualBefore));
		assertThat(driver.findElement(By.id("NON_DIGITAL_ROUTE-hint")).getText()).contains("Satisfied");
		assertThat(driver.findElement(By.id("rating")).getText()).isEqualTo(rating);
		assertThat(driver.getPageSource()).contains("Mitigations changed");
		browser.screenshot("ambassador-09-mitigation-committed");
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

	/** Clicks a button that loads another page, and waits until the new page is there. */
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
