package uk.nhs.equitylens.proposal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProposalDocumentJsonTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void keysTheSpecDoesNotDefineAreKeptAndWrittenBack() {
		String text = """
				{"title": "T", "board": "PLANNED_CARE", "proposalType": "NEW_SERVICE", "summary": "S",
				 "population": {"affected": 10},
				 "travel": {"longestJourneyMinutes": 75, "publicTransport": "NONE"}}
				""";

		ProposalDocument document = json.readValue(text, ProposalDocument.class);

		assertThat(document.more()).containsOnlyKeys("travel");
		assertThat(document.more().get("travel")).isEqualTo(Map.of("longestJourneyMinutes", 75, "publicTransport", "NONE"));
		assertThat(json.readTree(json.writeValueAsString(document)).get("travel").get("longestJourneyMinutes").asInt())
			.isEqualTo(75);
		assertThat(json.readTree(json.writeValueAsString(document)).has("more")).isFalse();
	}

}
