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

	@Test
	void accessChangesAbsentAndEmptyAreDifferentAndBothSurviveARoundTrip() {
		String base = "{\"title\": \"T\", \"board\": \"PLANNED_CARE\", \"proposalType\": \"CLOSURE_REDUCTION\","
				+ " \"summary\": \"S\", \"population\": {\"affected\": 10}%s}";

		ProposalDocument absent = json.readValue(base.formatted(""), ProposalDocument.class);
		ProposalDocument empty = json.readValue(base.formatted(", \"accessChanges\": []"), ProposalDocument.class);
		ProposalDocument some = json.readValue(base.formatted(", \"accessChanges\": [\"CLOSES_A_ROUTE\"]"),
				ProposalDocument.class);

		assertThat(absent.accessChangesGiven()).isFalse();
		assertThat(absent.accessChanges()).isNull();
		assertThat(empty.accessChangesGiven()).isTrue();
		assertThat(empty.accessChanges()).isEmpty();
		assertThat(some.accessChanges()).containsExactly("CLOSES_A_ROUTE");
		assertThat(json.readTree(json.writeValueAsString(absent)).has("accessChanges")).isFalse();
		assertThat(json.readTree(json.writeValueAsString(empty)).get("accessChanges").isArray()).isTrue();
		assertThat(json.readTree(json.writeValueAsString(empty)).get("accessChanges")).isEmpty();
		ProposalDocument emptyAgain = json.readValue(json.writeValueAsString(empty), ProposalDocument.class);
		ProposalDocument absentAgain = json.readValue(json.writeValueAsString(absent), ProposalDocument.class);
		assertThat(emptyAgain).isEqualTo(empty);
		assertThat(emptyAgain.accessChangesGiven()).isTrue();
		assertThat(absentAgain.accessChangesGiven()).isFalse();
		assertThat(absent.more()).doesNotContainKey("accessChanges");
		assertThat(empty.more()).doesNotContainKey("accessChanges");
	}

	@Test
	void accessChangesAndTheAssessorsViewSurviveTheMitigationsCopy() {
		ProposalDocument document = json.readValue("{\"title\": \"T\", \"board\": \"PLANNED_CARE\","
				+ " \"proposalType\": \"NEW_SERVICE\", \"summary\": \"S\", \"population\": {\"affected\": 10},"
				+ " \"accessChanges\": [], \"assessorView\": {\"rating\": \"HIGH\", \"reason\": \"The phone line closes.\"}}",
				ProposalDocument.class);

		ProposalDocument copy = document.withMitigations(java.util.List.of());

		assertThat(copy.accessChanges()).isNotNull().isEmpty();
		assertThat(copy.assessorView()).isEqualTo(new ProposalDocument.AssessorView("HIGH", "The phone line closes."));
		assertThat(json.readTree(json.writeValueAsString(copy)).get("assessorView").get("rating").asString())
			.isEqualTo("HIGH");
		assertThat(copy.more()).isEmpty();
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
