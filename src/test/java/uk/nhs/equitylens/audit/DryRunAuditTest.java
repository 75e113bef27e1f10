package uk.nhs.equitylens.audit;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code equitylens.audit.dry-runs=true}, evaluate API dry runs are kept in the audit chain. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "equitylens.audit.dry-runs=true")
class DryRunAuditTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDryRunIsAuditedWhenConfigured() throws Exception {
		String document;
		try (InputStream in = getClass().getResourceAsStream("/proposals/spec-example.json")) {
			document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		int before = jdbc.queryForObject("select count(*) from audit_entry where kind = 'DRY_RUN'", Integer.class);

		int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/assessments/evaluate"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ambassador:demo".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(document))
			.build(), BodyHandlers.ofString()).statusCode();

		assertThat(status).isEqualTo(200);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'DRY_RUN'", Integer.class))
			.isEqualTo(before + 1);
		assertThat(jdbc.queryForObject("select content from audit_entry where kind = 'DRY_RUN' order by seq desc fetch first 1 rows only",
				String.class)).contains("ACC-001", "Move adult hearing aftercare to online booking only");
	}

}
