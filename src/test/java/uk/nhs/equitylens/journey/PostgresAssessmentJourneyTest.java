package uk.nhs.equitylens.journey;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same journey on a real PostgreSQL, started from Maven artifacts (no Docker) and configured
 * through the {@code postgres} profile's usual {@code spring.datasource.*} properties.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresAssessmentJourneyTest extends AssessmentJourneyContract {

	static final EmbeddedPostgres POSTGRES = start();

	private static EmbeddedPostgres start() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}));
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Embedded PostgreSQL did not start", ex);
		}
	}

	@org.junit.jupiter.api.Test
	void postgresRefusesToUpdateOrDeleteAuditEntries() throws Exception {
		send("POST", "/api/assessments?submit=true", example().toString());
		long last = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);

		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> jdbc.update("update audit_entry set content = '{}' where seq = ?", last))
			.hasMessageContaining("append-only");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from audit_entry where seq = ?", last))
			.hasMessageContaining("append-only");
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

}
