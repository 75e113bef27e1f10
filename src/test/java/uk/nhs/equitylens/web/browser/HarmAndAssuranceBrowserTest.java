package uk.nhs.equitylens.web.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.web.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board member's review of a WEAK-assurance assessment in a real browser: the ambassador's own
 * rating beside the lens's, flagged; assurance and its gaps apart from the harm; approving is
 * refused until an override is justified, then recorded and flagged. The review and result pages
 * pass axe. Screenshots under {@code target/screenshots/assurance-*}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HarmAndAssuranceBrowserTest {

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		browser.close();
	}

	@Test
	void theBoardSeesTheAmbassadorsViewAndMustJustifyApprovingWeakAssurance() throws Exception {
		ApiClient api = new ApiClient(port, json);
		ObjectNode document = api.example("Hearing aftercare: weak assurance in the browser");
		document.putObject("assessorView").put("rating", "MODERATE").put("reason", "A telephone line stays.");
		String id = api.submit(document).get("id").asString();
		WebDriver driver = browser.driver();

		browser.signIn("http://localhost:" + port, "ambassador");
		browser.open("http://localhost:" + port + "/assessments/" + id + "/result");
		assertThat(driver.findElement(By.id("assurance-level")).getText()).isEqualTo("WEAK");
		Axe.assertNoSeriousViolations(driver, "result page with assurance and the ambassador's view");
		browser.screenshot("assurance-01-result");
		browser.press("Sign out");

		browser.signIn("http://localhost:" + port, "board.member");
		browser.open("http://localhost:" + port + "/assessments/" + id + "/review");
		assertThat(driver.findElement(By.id("assessor-line")).getText())
			.isEqualTo("Lens: HIGH. Ambassador: MODERATE \u2014 A telephone line stays.");
		assertThat(driver.findElement(By.id("assessor-flag")).getText())
			.isEqualTo("Differs from the lens: the ambassador rates it lower");
		assertThat(driver.findElement(By.id("assurance-gaps")).getText()).startsWith("Gaps in the assessment (");
		assertThat(driver.findElement(By.className("lens-gaps")).getText()).contains("Rule EVD-001")
			.doesNotContain("Rule ACC-001");
		assertThat(driver.findElement(By.className("lens-findings")).getText()).contains("Rule ACC-001")
			.doesNotContain("Rule EVD-001");
		Axe.assertNoSeriousViolations(driver, "review page with assurance and the ambassador's view");
		browser.screenshot("assurance-02-review");

		browser.choose("decision");
		browser.type("reason", "The telephone route is kept.");
		browser.press("Record the decision");
		assertThat(browser.errorSummary()).anySatisfy(message -> assertThat(message).startsWith(
				"Justify approving against the lens:").contains("assurance is WEAK"));
		browser.screenshot("assurance-03-override-needed");
		browser.type("overrideJustification", "Engagement with the patient panel reports to the board in May.");
		browser.press("Record the decision");
		assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("APPROVED");
		assertThat(driver.getPageSource()).contains("Override", "Engagement with the patient panel reports to the board in May.");
		browser.screenshot("assurance-04-approved-with-override");
		browser.press("Sign out");
	}

}
