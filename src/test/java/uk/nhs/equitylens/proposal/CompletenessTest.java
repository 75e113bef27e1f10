package uk.nhs.equitylens.proposal;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.vocabulary.Vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.equitylens.proposal.ProposalValidatorVersion2Test.example;
import static uk.nhs.equitylens.proposal.ProposalValidatorVersion2Test.read;

/** Complete for submission (spec version 2): CORE20 and the nine protected characteristics, with evidence. */
class CompletenessTest {

	private static final Vocabulary VOCABULARY = Vocabulary.load();

	private final Completeness completeness = new Completeness(VOCABULARY);

	@Test
	void theCompleteSpecExampleHasNothingMissing() {
		assertThat(completeness.check(read(example()))).isEmpty();
		assertThat(completeness.isComplete(read(example()))).isTrue();
	}

	@Test
	void theDryRunExampleMissesEightProtectedCharacteristicsInTheVocabularysOrder() throws Exception {
		ObjectNode dryRun;
		try (var in = getClass().getResourceAsStream("/proposals/spec-example.json")) {
			dryRun = (ObjectNode) tools.jackson.databind.json.JsonMapper.builder().build().readTree(in);
		}

		assertThat(completeness.check(read(dryRun))).extracting(Violation::field)
			.containsExactly("cohorts[DISABILITY]", "cohorts[GENDER_REASSIGNMENT]", "cohorts[MARRIAGE_CIVIL_PARTNERSHIP]",
					"cohorts[PREGNANCY_MATERNITY]", "cohorts[RACE]", "cohorts[RELIGION_BELIEF]", "cohorts[SEX]",
					"cohorts[SEXUAL_ORIENTATION]");
	}

	@Test
	void eachUnansweredRequiredGroupIsNamedWithAMessageThatSaysWhatToDo() {
		ObjectNode document = example();
		document.putArray("cohorts");

		List<Violation> missing = completeness.check(read(document));

		assertThat(missing).extracting(Violation::field)
			.containsExactly("cohorts[CORE20]", "cohorts[AGE]", "cohorts[DISABILITY]", "cohorts[GENDER_REASSIGNMENT]",
					"cohorts[MARRIAGE_CIVIL_PARTNERSHIP]", "cohorts[PREGNANCY_MATERNITY]", "cohorts[RACE]",
					"cohorts[RELIGION_BELIEF]", "cohorts[SEX]", "cohorts[SEXUAL_ORIENTATION]");
		assertThat(missing).filteredOn(v -> v.field().equals("cohorts[AGE]")).singleElement()
			.extracting(Violation::message)
			.isEqualTo("Say how the change affects people sharing the protected characteristic of age (use UNKNOWN if not known)");
		assertThat(missing.get(0).message()).contains("most deprived 20%").contains("UNKNOWN");
	}

	@Test
	void eachRequiredGroupLeftOutIsNamedOnItsOwn() {
		List<String> required = new java.util.ArrayList<>(List.of("CORE20"));
		VOCABULARY.cohortsIn("protected").forEach(t -> required.add(t.code()));
		assertThat(required).hasSize(10);

		for (String code : required) {
			ObjectNode document = example();
			ArrayNode cohorts = (ArrayNode) document.get("cohorts");
			for (int i = cohorts.size() - 1; i >= 0; i--) {
				if (cohorts.get(i).get("code").asString().equals(code)) {
					cohorts.remove(i);
				}
			}

			assertThat(completeness.check(read(document))).as(code).extracting(Violation::field)
				.containsExactly("cohorts[" + code + "]");
		}
	}

	@Test
	void aNeutralAnswerNeedsAReasonAndANegativeOrPositiveOneItsEvidence() {
		ObjectNode document = example();
		answer(document, "RACE").remove("evidence");
		answer(document, "CORE20").put("evidence", " ");
		answer(document, "DISABILITY").put("impact", "POSITIVE").remove("evidence");
		answer(document, "OLDER_PEOPLE").remove("evidence");

		List<Violation> missing = completeness.check(read(document));

		assertThat(missing).extracting(Violation::field)
			.containsExactly("cohorts[CORE20].evidence", "cohorts[DISABILITY].evidence", "cohorts[RACE].evidence",
					"cohorts[OLDER_PEOPLE].evidence");
		assertThat(missing).extracting(Violation::message)
			.containsExactly("Give the evidence that the change leaves people in the most deprived 20% of areas worse off",
					"Give the evidence that the change leaves people sharing the protected characteristic of disability better off",
					"Give the reason for expecting no difference for people sharing the protected characteristic of race",
					"Give the evidence that the change leaves this group (Older people (65 and over)) worse off");
	}

	@Test
	void anUnknownAnswerIsHonestAndNeedsNoEvidence() {
		ObjectNode document = example();
		answer(document, "SEX").put("impact", "UNKNOWN").remove("evidence");
		answer(document, "AGE").put("impact", "UNKNOWN").remove("evidence");

		assertThat(completeness.check(read(document))).isEmpty();
	}

	private static ObjectNode answer(ObjectNode document, String code) {
		for (JsonNode cohort : document.get("cohorts")) {
			if (cohort.get("code").asString().equals(code)) {
				return (ObjectNode) cohort;
			}
		}
		throw new AssertionError("no answer for " + code);
	}

}
