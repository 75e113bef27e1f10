package uk.nhs.equitylens.form;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.nhs.equitylens.web.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question added to a form definition (here a second, small form with a travel-time question the
 * proposal document does not define) appears on the page, is validated, and reaches the rules as
 * an Answer fact: a rule added beside the project's rules reads it. No Java knows the question.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AddedQuestionTest {

	static final Path RULES = rules();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void smallForm(DynamicPropertyRegistry registry) {
		registry.add("equitylens.forms.dir", () -> "src/test/resources/extra-form/forms");
		registry.add("equitylens.form-version", () -> "small/1");
		registry.add("equitylens.rules.dir", RULES::toString);
	}

	/** The project's rules plus the rule that reads the added question. */
	private static Path rules() {
		try {
			Path folder = Files.createTempDirectory("lens-rules-");
			// the rule files and the policy tables they read (where the rulebase has them)
			for (String part : java.util.List.of("lens", "policy")) {
				Path source = Path.of("rules", part);
				if (!Files.isDirectory(source)) {
					continue;
				}
				Path target = Files.createDirectories(folder.resolve(part));
				try (Stream<Path> files = Files.list(source)) {
					for (Path file : files.toList()) {
						Files.copy(file, target.resolve(file.getFileName()));
					}
				}
			}
			Files.createDirectories(folder.resolve("extra"));
			Files.copy(Path.of("src/test/resources/extra-form/rules/travel.drl"), folder.resolve("extra/travel.drl"));
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void theAddedQuestionIsAskedValidatedAndReachesTheRules() throws Exception {
		Map<String, String> proposal = new LinkedHashMap<>();
		proposal.put("title", "Community podiatry moves to the county hospital");
		proposal.put("board", "DIGITAL");
		proposal.put("proposalType", "RELOCATION");
		proposal.put("summary", "Podiatry clinics move from three towns to one site.");
		proposal.put("population.affected", "3000");
		proposal.put("action", "continue");

		HttpResponse<String> travelPage = post("/assessments/new", proposal);
		assertThat(travelPage.uri().getPath()).endsWith("/sections/travel");
		assertThat(travelPage.body()).contains("How long is the longest journey to the service by public transport",
				"id=\"travel-longestJourneyMinutes\"", "From the furthest place the service covers.");
		String assessment = travelPage.uri().getPath().replaceAll("/sections/travel$", "");

		HttpResponse<String> notANumber = post(assessment + "/sections/travel",
				Map.of("travel.longestJourneyMinutes", "an hour and a half", "action", "continue"));
		assertThat(notANumber.body()).contains("nhsuk-error-summary", "must be a whole number");
		HttpResponse<String> tooLong = post(assessment + "/sections/travel",
				Map.of("travel.longestJourneyMinutes", "900", "action", "continue"));
		assertThat(tooLong.body()).contains("must be between 0 and 600");
		HttpResponse<String> missing = post(assessment + "/submit", Map.of());
		assertThat(missing.body()).contains("There is a problem", "Enter the longest journey time in minutes");

		HttpResponse<String> groups = post(assessment + "/sections/travel",
				Map.of("travel.longestJourneyMinutes", "95", "action", "continue"));
		assertThat(groups.uri().getPath()).endsWith("/sections/groups");
		Map<String, String> notKnown = new LinkedHashMap<>();
		for (String code : List.of("CORE20", "AGE", "DISABILITY", "GENDER_REASSIGNMENT", "MARRIAGE_CIVIL_PARTNERSHIP",
				"PREGNANCY_MATERNITY", "RACE", "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION")) {
			notKnown.put("cohorts." + code + ".impact", "UNKNOWN");
		}
		notKnown.put("action", "continue");
		HttpResponse<String> check = post(assessment + "/sections/groups", notKnown);
		assertThat(check.uri().getPath()).endsWith("/check");
		assertThat(check.body()).contains("95");
		HttpResponse<String> result = post(assessment + "/submit", Map.of());

		assertThat(result.uri().getPath()).endsWith("/result");
		assertThat(result.body()).contains("The longest journey to the service by public transport is 95 minutes",
				"Rule EXT-001", "Required by EXT-001");
		Matcher version = Pattern.compile("form (small/1)").matcher(result.body());
		assertThat(version.find()).isTrue();
	}

	private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		if (session == null) {
			session = WebSession.signIn(port, "ambassador", "demo");
			session.get("/assessments/new");
		}
		return session.post(path, form);
	}

	private WebSession session;

}
