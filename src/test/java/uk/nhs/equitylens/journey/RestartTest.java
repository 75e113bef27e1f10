package uk.nhs.equitylens.journey;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.EquityLensApplication;
import uk.nhs.equitylens.assessment.AssessmentService;
import uk.nhs.equitylens.assessment.AssessmentStatus;
import uk.nhs.equitylens.people.LensUser;
import uk.nhs.equitylens.people.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded H2 database in file mode keeps drafts and submitted assessments across a restart. */
class RestartTest {

	private static final LensUser AMBASSADOR = new LensUser("ambassador", "Demo ambassador", null, true,
			Set.of(Role.AMBASSADOR), Set.of("PLANNED_CARE", "DIGITAL"));

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void draftsAndSubmittedAssessmentsSurviveARestart(@TempDir Path data) throws Exception {
		String[] args = { "--server.port=0", "--spring.main.banner-mode=off",
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("equity-lens").toAbsolutePath() };
		UUID draft;
		UUID submitted;
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(AMBASSADOR, null,
				AMBASSADOR.getAuthorities()));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EquityLensApplication.class).run(args)) {
			AssessmentService service = app.getBean(AssessmentService.class);
			JsonMapper json = app.getBean(JsonMapper.class);
			draft = service.create(json.createObjectNode().put("title", "Half-finished").put("board", "DIGITAL")).getId();
			ObjectNode example;
			try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
				example = (ObjectNode) json.readTree(in);
			}
			submitted = service.createAndSubmit(example);
		}

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EquityLensApplication.class).run(args)) {
			AssessmentService service = app.getBean(AssessmentService.class);
			assertThat(service.get(draft).getStatus()).isEqualTo(AssessmentStatus.DRAFT);
			assertThat(service.get(draft).getTitle()).isEqualTo("Half-finished");
			assertThat(service.get(submitted).getStatus()).isEqualTo(AssessmentStatus.SUBMITTED);
			assertThat(service.evaluations(submitted)).singleElement()
				.satisfies(e -> assertThat(e.getRating()).isIn("HIGH", "SEVERE"));
		}
	}

}
