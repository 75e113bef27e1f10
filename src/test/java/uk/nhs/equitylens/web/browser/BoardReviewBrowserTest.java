package uk.nhs.equitylens.web.browser;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's review in a real browser: the ambassador's submitted assessment is on the board
 * member's queue, the board member requests changes, the ambassador commits mitigations and
 * resubmits, and the board member approves with an override. Screenshots under
 * {@code target/screenshots/review-*}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BoardReviewBrowserTest {

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
	void changesAreRequestedMitigationsCommittedAndTheProposalApproved() throws Exception {
		String id = submitThroughTheApi("Hearing aftercare: online booking only (board review)");
		WebDriver driver = browser.driver();

		browser.signIn("http://localhost:" + port, "board.member");
		browser.navigate(By.linkText("Review queue"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Review queue");
		browser.screenshot("review-01-queue");
		browser.navigate(By.linkText("Hearing aftercare: online booking only (board review)"));
		assertThat(driver.findElement(By.id("rating")).getText()).isIn("HIGH", "SEVERE");
		browser.screenshot("review-02-review-page");
		browser.choose("decision-CHANGES_REQUESTED");
		browser.type("reason", "Commit to keeping a telephone route and plan monitoring by deprivation.");
		browser.press("Record the decision");
		assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("CHANGES REQUESTED");
		browser.screenshot("review-03-changes-requested");
		signOut();

		browser.signIn("http://localhost:" + port, "ambassador");
		browser.open("http://localhost:" + port + "/assessments/" + id + "/result");
		assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("CHANGES REQUESTED");
		String residualBefore = driver.findElement(By.id("residual-rating")).getText();
		browser.choose("NON_DIGITAL_ROUTE-response");
		browser.type("NON_DIGITAL_ROUTE-owner", "Audiology service manager");
		browser.type("NON_DIGITAL_ROUTE-due-day", "31");
		browser.type("NON_DIGITAL_ROUTE-due-month", "3");
		browser.type("NON_DIGITAL_ROUTE-due-year", "2027");
		browser.press("Save responses and re-assess");
		browser.screenshot("review-04-ambassador-commits");
		browser.open("http://localhost:" + port + "/assessments/" + id + "/check");
		browser.press("Submit the assessment");
		assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("SUBMITTED");
		assertThat(order(driver.findElement(By.id("residual-rating")).getText())).isLessThan(order(residualBefore));
		browser.screenshot("review-05-resubmitted");
		signOut();

		browser.signIn("http://localhost:" + port, "board.member");
		browser.open("http://localhost:" + port + "/assessments/" + id + "/review");
		browser.choose("decision");
		browser.type("reason", "A telephone route is committed.");
		browser.press("Record the decision");
		assertThat(driver.findElements(By.cssSelector(".nhsuk-error-summary a")).stream().map(WebElement::getText))
			.anySatisfy(message -> assertThat(message).startsWith("Justify approving against the lens"));
		browser.screenshot("review-06-override-needed");
		browser.type("overrideJustification", "The residual risk is accepted while the patient panel reviews the service.");
		browser.press("Record the decision");
		assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("APPROVED");
		assertThat(driver.getPageSource()).contains("Override", "The residual risk is accepted");
		browser.screenshot("review-07-approved-with-override");
	}

	private String submitThroughTheApi(String title) throws Exception {
		ObjectNode document;
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			document = (ObjectNode) json.readTree(in);
		}
		document.put("title", title);
		document.remove("mitigations");
		String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/api/assessments?submit=true"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ambassador:demo".getBytes(StandardCharsets.UTF_8)))
			.POST(BodyPublishers.ofString(document.toString()))
			.build(), BodyHandlers.ofString()).body();
		return json.readTree(body).get("id").asString();
	}

	private void signOut() {
		browser.press("Sign out");
	}

	private static int order(String rating) {
		return List.of("LOW", "MODERATE", "HIGH", "SEVERE").indexOf(rating);
	}

}
