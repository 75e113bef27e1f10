package uk.nhs.equitylens.web.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A real headless browser for tests: Debian's Chromium driven through its own chromedriver.
 *
 * <p>Both binaries come from the operating system ({@code apt-get install chromium chromium-driver});
 * nothing is ever downloaded. Giving {@link ChromeDriverService} the driver executable and the options the
 * browser binary means Selenium Manager is never run. Each browser gets a fresh profile in a temporary
 * folder, deleted by {@link #close()}.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start()) {
 *     browser.open("http://localhost:" + port + "/about");
 *     browser.screenshot("about");
 * }
 * }</pre>
 *
 * <p>Not tied to any test framework.
 */
public final class Browser implements AutoCloseable {

	/** Debian's chromedriver, from the chromium-driver package. */
	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** Debian's Chromium launcher, from the chromium package. */
	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	/** Where {@link #screenshot(String)} writes its PNG files. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
			"--disable-quic", "--window-size=1280,1600");

	private static final Pattern SCREENSHOT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	/** The tallest screenshot taken, in CSS pixels; longer pages are cut off at the bottom. */
	private static final int MAX_SCREENSHOT_HEIGHT = 16000;

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
		this.service = service;
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts chromedriver and a headless Chromium with a fresh profile.
	 * @return the running browser, to be closed by the caller
	 * @throws IllegalStateException if Chromium or chromedriver is not installed
	 */
	public static Browser start() {
		requireExecutable(CHROMIUM, "chromium");
		requireExecutable(CHROMEDRIVER, "chromium-driver");
		Path profile = createProfile();
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments(ARGUMENTS);
		options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
		// keeps the console (content security policy violations among it) for consoleMessages()
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		try {
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
			return new Browser(service, driver, profile);
		}
		catch (RuntimeException ex) {
			service.stop();
			deleteRecursively(profile);
			throw ex;
		}
	}

	/**
	 * The Selenium driver, for finding elements and anything else this class does not wrap.
	 * @return the driver
	 */
	public WebDriver driver() {
		return driver;
	}

	/**
	 * Loads a page and waits for it to finish loading.
	 * @param url an absolute URL
	 */
	public void open(String url) {
		driver.get(url);
	}

	/**
	 * Writes a PNG of the whole page (up to a generous height, not only the window) to
	 * {@code target/screenshots/<name>.png}, replacing any earlier one.
	 * @param name the file name without extension: letters, digits, '.', '_' and '-'
	 */
	/** Types into the field with this id, replacing what is there. */
	public void type(String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/** Chooses a radio or ticks a checkbox by its label (NHS.UK inputs sit under their labels). */
	public void choose(String id) {
		driver.findElement(By.cssSelector("label[for='" + id + "']")).click();
	}

	/** Clicks a button that loads another page, and waits until the new page is there. */
	public void press(String button) {
		navigate(By.xpath("//button[normalize-space()='" + button + "']"));
	}

	/** Clicks an element that loads another page, and waits until the new page is there. */
	public void navigate(By by) {
		untilNextPage(() -> driver.findElement(by).click());
	}

	/**
	 * Does something that loads another page (a click, a key press) and waits until the new page has
	 * loaded. The old page is marked with a script variable that a new document does not have; this
	 * replaces waiting for the old {@code <html>} element to go stale, which Chromium sometimes answers
	 * with "Node with given id does not belong to the document" rather than a stale element.
	 * @param action what loads the next page
	 */
	public void untilNextPage(Runnable action) {
		String marker = UUID.randomUUID().toString();
		driver.executeScript("window.equityLensPage = arguments[0]", marker);
		action.run();
		new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
			.until(d -> !marker.equals(driver.executeScript("return window.equityLensPage"))
					&& "complete".equals(driver.executeScript("return document.readyState")));
	}

	/** The messages listed in the NHS error summary. */
	public List<String> errorSummary() {
		return driver.findElements(By.cssSelector(".nhsuk-error-summary__list a")).stream()
			.map(WebElement::getText)
			.toList();
	}

	/** Signs in through the sign-in form with the demo password, in a fresh session. */
	public void signIn(String baseUrl, String username) {
		open(baseUrl + "/login");
		driver.manage().deleteAllCookies();
		open(baseUrl + "/login");
		type("username", username);
		type("password", "demo");
		press("Sign in");
	}

	/**
	 * The browser console's messages since the last call (Chromium reports each content security
	 * policy violation there, as "Refused to ... because it violates the following Content Security
	 * Policy directive").
	 */
	public List<String> consoleMessages() {
		return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
	}

	public void screenshot(String name) {
		if (!SCREENSHOT_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Screenshot name must be letters, digits, '.', '_' or '-': " + name);
		}
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), capture());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write screenshot " + name, ex);
		}
	}

	/** Quits the browser and chromedriver and deletes the temporary profile. */
	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			service.stop();
			deleteRecursively(profile);
		}
	}

	private byte[] capture() {
		try {
			Object content = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
			if (content instanceof Map<?, ?> size && size.get("width") instanceof Number width
					&& size.get("height") instanceof Number height) {
				Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width.doubleValue(), "height",
						Math.min(height.doubleValue(), MAX_SCREENSHOT_HEIGHT), "scale", 1);
				Object data = driver
					.executeCdpCommand("Page.captureScreenshot",
							Map.of("format", "png", "captureBeyondViewport", true, "clip", clip))
					.get("data");
				if (data instanceof String base64) {
					return Base64.getDecoder().decode(base64);
				}
			}
		}
		catch (WebDriverException ex) {
			// Falls back to the window below.
		}
		return driver.getScreenshotAs(OutputType.BYTES);
	}

	private static void requireExecutable(Path binary, String debianPackage) {
		if (!Files.isExecutable(binary)) {
			throw new IllegalStateException("No " + binary + ": browser tests need Debian's Chromium, "
					+ "installed with: apt-get install -y chromium chromium-driver (missing package: " + debianPackage
					+ ")");
		}
	}

	private static Path createProfile() {
		try {
			return Files.createTempDirectory("equity-lens-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a Chromium profile folder", ex);
		}
	}

	private static void deleteRecursively(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException | UncheckedIOException ex) {
			// A leftover profile in the temporary folder harms nothing; the test result matters more.
		}
	}

}
