package uk.nhs.equitylens.proposal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

	/** Shrunk by ApiRobustnessProperties: a stored draft with this number made submission fail with 500. */
	@Test
	void aWholeNumberTooBigForItsFieldIsNamedNotAnInternalError() {
		var answers = json.readTree("""
				{"title": "T", "board": "PLANNED_CARE", "proposalType": "NEW_SERVICE", "summary": "S",
				 "population": {"affected": 9223372036854775808}}
				""");

		InvalidProposalException refused = catchThrowableOfType(InvalidProposalException.class,
				() -> new ProposalReader(json).read(answers));

		assertThat(refused.violations()).extracting(Violation::field).containsExactly("population.affected");
	}

	/** Shrunk by ApiRobustnessProperties: a share past a double's range also made submission fail with 500. */
	@Test
	void aShareTooBigForADoubleIsNamedNotAnInternalError() {
		var answers = json.readTree("{\"title\": \"T\", \"population\": {\"affected\": 1, \"core20Share\": 1"
				+ "0".repeat(400) + "}}");

		InvalidProposalException refused = catchThrowableOfType(InvalidProposalException.class,
				() -> new ProposalReader(json).read(answers));

		assertThat(refused.violations()).extracting(Violation::field).containsExactly("population.core20Share");
	}

}
