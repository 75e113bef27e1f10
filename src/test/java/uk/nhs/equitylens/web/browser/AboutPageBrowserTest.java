package uk.nhs.equitylens.web.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The about page in headless Chromium: the NHS.UK layout renders, the nhsuk-frontend stylesheet built by
 * Maven is served and applied, and its JavaScript starts. Leaves {@code target/screenshots/about.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AboutPageBrowserTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theAboutPageIsAnNhsUkPage() throws Exception {
		try (Browser browser = Browser.start()) {
			browser.open("http://localhost:" + port + "/about");
			browser.screenshot("about");
			WebDriver driver = browser.driver();

			assertThat(driver.getTitle()).isEqualTo("About Equity Lens – Equity Lens");
			assertThat(driver.findElement(By.cssSelector("header.nhsuk-header .nhsuk-header__service-name")).getText())
				.isEqualTo("Equity Lens");
			assertThat(driver.findElement(By.cssSelector("header.nhsuk-header a.nhsuk-header__service-logo"))
				.getDomAttribute("href")).isEqualTo("/");
			assertThat(driver.findElement(By.cssSelector("main#maincontent h1")).getText()).isEqualTo("About Equity Lens");
			assertThat(driver.findElement(By.cssSelector("footer")).getText())
				.contains("Deprivation figures contain public sector information licensed under the Open Government "
						+ "Licence v3.0");

			String stylesheet = driver.findElement(By.cssSelector("link[rel=stylesheet][href^='/nhsuk/']"))
				.getDomProperty("href");
			HttpResponse<Void> css = http.send(HttpRequest.newBuilder(URI.create(stylesheet)).build(),
					BodyHandlers.discarding());
			assertThat(css.statusCode()).isEqualTo(200);
			assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
				.startsWith("text/css"));

			assertThat(driver.findElement(By.cssSelector("header.nhsuk-header")).getCssValue("background-color"))
				.as("NHS blue header, so the stylesheet applied")
				.isEqualTo("rgba(0, 94, 184, 1)");
			assertThat(driver.findElement(By.tagName("body")).getDomAttribute("class"))
				.as("body classes set by /js/init.js")
				.contains("js-enabled", "nhsuk-frontend-supported");
		}
	}

}
