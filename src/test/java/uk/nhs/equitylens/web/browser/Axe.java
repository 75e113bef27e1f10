package uk.nhs.equitylens.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs axe-core in the page the browser is showing and reports its WCAG 2.2 AA violations.
 *
 * <p>{@code axe.min.js} comes from the npm package in {@code package.json}; Maven copies it to
 * {@code target/test-classes/axe/} and it is read from the classpath, so nothing is fetched at run
 * time. It is injected through Selenium's {@link JavascriptExecutor} and {@code axe.run} is awaited
 * with {@code executeAsyncScript}.
 *
 * <pre>{@code
 * browser.open("http://localhost:" + port + "/about");
 * Axe.assertNoSeriousViolations(browser.driver(), "about page");
 * }</pre>
 */
public final class Axe {

	/** The axe-core tags run: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
	public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	/** The impacts that fail a test. */
	public static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

	private static final String RESOURCE = "/axe/axe.min.js";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			const tags = arguments[0];
			axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
				.then(results => done({violations: results.violations.map(v => ({
					id: v.id,
					impact: v.impact || 'unknown',
					help: v.help,
					helpUrl: v.helpUrl,
					selectors: v.nodes.map(n => n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : String(t)).join(' ')),
					summaries: v.nodes.map(n => n.failureSummary || '')
				}))}))
				.catch(e => done({error: String(e && e.stack ? e.stack : e)}));
			""";

	private static String source;

	private Axe() {
	}

	/**
	 * One rule that the page breaks.
	 * @param rule the axe rule id, for example {@code color-contrast}
	 * @param impact minor, moderate, serious or critical
	 * @param help what the rule asks for
	 * @param helpUrl where axe explains the rule
	 * @param selectors the CSS selector of each element at fault
	 * @param summaries axe's explanation of what is wrong with each element, in the order of {@code selectors}
	 */
	public record Violation(String rule, String impact, String help, String helpUrl, List<String> selectors,
			List<String> summaries) {

		/** @return true if the impact is serious or critical */
		public boolean failing() {
			return FAILING_IMPACTS.contains(impact);
		}

		/** @return one line per element: {@code rule (impact): help — selector} */
		public List<String> lines() {
			return selectors.stream().map(selector -> rule + " (" + impact + "): " + help + " — " + selector).toList();
		}

	}

	/**
	 * Injects axe-core into the current page (once per page) and runs it with the WCAG 2.2 AA tags.
	 * @param driver a driver that has a page loaded
	 * @return every violation, whatever its impact
	 */
	public static List<Violation> run(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
			js.executeScript(source());
		}
		Duration before = driver.manage().timeouts().getScriptTimeout();
		driver.manage().timeouts().scriptTimeout(TIMEOUT);
		Object outcome;
		try {
			outcome = js.executeAsyncScript(RUN, TAGS);
		}
		finally {
			driver.manage().timeouts().scriptTimeout(before);
		}
		assertThat(outcome).as("axe.run result").isInstanceOf(Map.class);
		Map<?, ?> result = (Map<?, ?>) outcome;
		assertThat(result.get("error")).as("axe.run failed on %s", driver.getCurrentUrl()).isNull();
		List<Violation> violations = new ArrayList<>();
		for (Object item : (List<?>) result.get("violations")) {
			Map<?, ?> v = (Map<?, ?>) item;
			violations.add(new Violation(String.valueOf(v.get("id")), String.valueOf(v.get("impact")),
					String.valueOf(v.get("help")), String.valueOf(v.get("helpUrl")), strings(v.get("selectors")),
					strings(v.get("summaries"))));
		}
		return violations;
	}

	/**
	 * The serious and critical violations on the current page.
	 * @param driver a driver that has a page loaded
	 * @return the violations that fail a test
	 */
	public static List<Violation> serious(WebDriver driver) {
		return run(driver).stream().filter(Violation::failing).toList();
	}

	/**
	 * Fails, listing each one as {@code rule (impact): help — selector}, if the current page has any
	 * serious or critical violation.
	 * @param driver a driver that has a page loaded
	 * @param page what the page is, for the failure message
	 */
	public static void assertNoSeriousViolations(WebDriver driver, String page) {
		List<Violation> serious = serious(driver);
		String listing = serious.stream().flatMap(v -> v.lines().stream()).collect(Collectors.joining("\n  "));
		assertThat(serious)
			.withFailMessage("%s (%s) has %d serious or critical accessibility violations:%n  %s", page,
					driver.getCurrentUrl(), serious.size(), listing)
			.isEmpty();
	}

	private static List<String> strings(Object list) {
		return list instanceof List<?> items ? items.stream().map(String::valueOf).toList() : List.of();
	}

	private static synchronized String source() {
		if (source == null) {
			try (InputStream in = Axe.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("No " + RESOURCE + " on the test classpath: the Maven build copies "
							+ "it from node_modules/axe-core (npm ci, then process-test-resources)");
				}
				source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
			}
		}
		return source;
	}

}
