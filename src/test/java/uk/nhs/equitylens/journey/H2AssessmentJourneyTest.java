package uk.nhs.equitylens.journey;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The journey on the embedded default database, H2. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class H2AssessmentJourneyTest extends AssessmentJourneyContract {

	@Test
	void aRowEditedDirectlyInTheDatabaseBreaksTheAuditChainThere() throws Exception {
		send("POST", "/api/assessments?submit=true", example().toString());
		send("POST", "/api/assessments?submit=true", example().toString());
		long last = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
		assertThat(json.readTree(send("governance", "GET", "/api/audit/verify", null).body()).get("valid").asBoolean())
			.isTrue();

		jdbc.update("update audit_entry set content = replace(content, 'online booking only', 'online booking, edited') where seq = ?", last - 1);

		JsonNode verified = json.readTree(send("governance", "GET", "/api/audit/verify", null).body());
		assertThat(verified.get("valid").asBoolean()).isFalse();
		assertThat(verified.get("firstBroken").get("seq").asLong()).isEqualTo(last - 1);
		assertThat(verified.get("firstBroken").get("problem").asString()).contains("was changed after it was written");
		String restored = jdbc.queryForObject("select content from audit_entry where seq = ?", String.class, last - 1)
			.replace("online booking, edited", "online booking only");
		// put it back so that the shared log verifies again for the other tests of this context
		jdbc.update("update audit_entry set content = ? where seq = ?", restored, last - 1);
	}

}
