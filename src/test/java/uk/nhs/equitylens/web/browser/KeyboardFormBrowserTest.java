package uk.nhs.equitylens.web.browser;

import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The whole assessment form completed with the keyboard alone, in headless Chromium: signing in,
 * starting a new assessment, every section, check your answers and submit, with Tab to move between
 * fields, Space to tick boxes, arrow keys to choose radios, Enter to follow links and press buttons, and
 * text typed into whatever has focus. Nothing is clicked; every field must be reachable with Tab. Also
 * checks that the skip link is the first tab stop and moves focus to the main content. Screenshots
 * under {@code target/screenshots/keyboard-*}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KeyboardFormBrowserTest {

	/** More tab stops than any page has, so that a field Tab never reaches fails rather than loops. */
	private static final int MAX_TABS = 150;

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
	void theSkipLinkIsTheFirstTabStopAndMovesFocusToTheMainContent() {
		browser.open("http://localhost:" + port + "/login");
		press(Keys.TAB);
		WebElement skip = focused();
		assertThat(skip.getDomAttribute("class")).contains("nhsuk-skip-link");
		assertThat(skip.getText()).isEqualTo("Skip to main content");
		assertThat(skip.getSize().getHeight()).as("the skip link shows when it has focus").isGreaterThan(10);
		browser.screenshot("keyboard-01-skip-link");
		press(Keys.ENTER);
		assertThat(focused().getDomAttribute("id")).isEqualTo("maincontent");
		press(Keys.TAB);
		assertThat(focused().getDomAttribute("id")).as("the first field after the skip link").isEqualTo("username");
	}

	@Test
	void anAssessmentIsCompletedWithTheKeyboardAlone() {
		browser.open("http://localhost:" + port + "/login");
		tabTo("username");
		type("ambassador");
		tabTo("password");
		type("demo");
		pressButton("Sign in");
		assertThat(browser.driver().getTitle()).doesNotStartWith("Sign in");

		follow(link("Start a new assessment"));
		section("About the proposal");
		tabTo("title");
		type("Keyboard only: adult hearing aftercare online booking");
		choose("board", "board-PLANNED_CARE");
		choose("proposalType", "proposalType-DIGITAL_CHANNEL");
		tabTo("summary");
		type("Booking for hearing aid aftercare moves to the online booking system only.");
		browser.screenshot("keyboard-02-proposal");
		saveAndContinue();

		section("Who it affects");
		tabTo("population-affected");
		type("12000");
		tabTo("population-core20Share");
		type("34");
		tabTo("population-areas");
		type("E01013995, E01032260");
		saveAndContinue();

		section("People in the most deprived areas");
		choose("cohorts-CORE20-impact", "cohorts-CORE20-impact-NEGATIVE");
		tabTo("cohorts-CORE20-evidence");
		type("Most aftercare users live in two Core20 neighbourhoods.");
		saveAndContinue();

		section("PLUS groups");
		choose("cohorts-RURAL_ISOLATED-impact", "cohorts-RURAL_ISOLATED-impact-UNKNOWN");
		saveAndContinue();

		section("Inclusion health groups");
		saveAndContinue();

		section("Protected characteristics");
		choose("cohorts-AGE-impact", "cohorts-AGE-impact-NEGATIVE");
		tabTo("cohorts-AGE-evidence");
		type("Most hearing-aid users are over 70.");
		// every protected characteristic needs an answer before submission; not known is one
		for (String code : java.util.List.of("DISABILITY", "GENDER_REASSIGNMENT", "MARRIAGE_CIVIL_PARTNERSHIP",
				"PREGNANCY_MATERNITY", "RACE", "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION")) {
			choose("cohorts-" + code + "-impact", "cohorts-" + code + "-impact-UNKNOWN");
		}
		saveAndContinue();

		section("Barriers to access");
		tabTo("barriers");
		press(Keys.SPACE);
		assertThat(focused().isSelected()).isTrue();
		choose("barriers-DIGITAL_ONLY-severity", "barriers-DIGITAL_ONLY-severity-HIGH");
		browser.screenshot("keyboard-03-barriers");
		saveAndContinue();

		section("Core20PLUS5 clinical areas");
		tabTo("clinicalAreas-HYPERTENSION_LIPIDS");
		press(Keys.SPACE);
		assertThat(focused().isSelected()).isTrue();
		saveAndContinue();

		section("Evidence and engagement");
		choose("evidence-dataDisaggregated", "evidence-dataDisaggregated-no");
		tabTo("evidence-sources");
		type("Booking system data, 2025.");
		choose("engagement-affectedCommunitiesEngaged", "engagement-affectedCommunitiesEngaged-no");
		saveAndContinue();

		section("Monitoring");
		choose("monitoring-planned", "monitoring-planned-no");
		saveAndContinue();

		section("Your view");
		saveAndContinue();

		assertThat(browser.driver().findElement(By.tagName("h1")).getText())
			.isEqualTo("Check your answers before submitting");
		browser.screenshot("keyboard-04-check-answers");
		pressButton("Submit the assessment");

		assertThat(browser.driver().getTitle()).startsWith("Assessment result: Keyboard only");
		assertThat(browser.driver().findElement(By.id("rating")).getText()).isIn("HIGH", "SEVERE");
		assertThat(browser.driver().findElement(By.id("residual-rating")).getText())
			.isIn("LOW", "MODERATE", "HIGH", "SEVERE");
		browser.screenshot("keyboard-05-result");
	}

	/** Asserts the page is the given section with no errors. */
	private void section(String heading) {
		WebDriver driver = browser.driver();
		assertThat(driver.getTitle()).as("no errors on the page before %s", heading).doesNotStartWith("Error:");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(heading);
	}

	/**
	 * Tabs into a radio group (its first radio when none is chosen) and moves to the option with the
	 * arrow keys, which chooses it; Space chooses the first option.
	 */
	private void choose(String group, String option) {
		String name = browser.driver().findElement(By.id(group)).getDomAttribute("name");
		tabUntil("radio group " + group, element -> name.equals(element.getDomAttribute("name")));
		for (int i = 0; i < 20 && !option.equals(focused().getDomAttribute("id")); i++) {
			press(Keys.ARROW_DOWN);
		}
		assertThat(focused().getDomAttribute("id")).isEqualTo(option);
		if (!focused().isSelected()) {
			press(Keys.SPACE);
		}
		assertThat(browser.driver().findElement(By.id(option)).isSelected()).as("%s chosen", option).isTrue();
	}

	private void saveAndContinue() {
		pressButton("Save and continue");
	}

	/** Tabs to a button and presses Enter, then waits for the next page. */
	private void pressButton(String text) {
		follow(element -> element.getTagName().equals("button") && element.getText().strip().equals(text));
	}

	private static Predicate<WebElement> link(String text) {
		return element -> element.getTagName().equals("a") && element.getText().strip().equals(text);
	}

	/** Tabs to a link or button and presses Enter, then waits for the next page. */
	private void follow(Predicate<WebElement> target) {
		tabUntil("link or button", target);
		browser.untilNextPage(() -> press(Keys.ENTER));
	}

	private void tabTo(String id) {
		tabUntil("#" + id, element -> id.equals(element.getDomAttribute("id")));
	}

	/** Presses Tab until the focused element is the one wanted; fails if Tab never reaches it. */
	private void tabUntil(String what, Predicate<WebElement> wanted) {
		for (int i = 0; i < MAX_TABS; i++) {
			press(Keys.TAB);
			if (wanted.test(focused())) {
				return;
			}
		}
		fail("Tab did not reach " + what + " on " + browser.driver().getCurrentUrl());
	}

	/** Types into the element that has focus. */
	private void type(String text) {
		browser.driver().switchTo().activeElement().sendKeys(text);
	}

	private void press(CharSequence key) {
		new Actions(browser.driver()).sendKeys(key).perform();
	}

	private WebElement focused() {
		return browser.driver().switchTo().activeElement();
	}

}
