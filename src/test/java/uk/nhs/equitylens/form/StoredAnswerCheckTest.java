package uk.nhs.equitylens.form;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.vocabulary.Vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored answers of the wrong shape are wrong answers, named by field, never a failure of the form
 * check. Both cases were shrunk by {@code ApiRobustnessProperties} from 500s on
 * {@code POST /api/assessments?submit=true}: {@code "affected": 9223372036854775808} (converted to a
 * long) and {@code "clinicalAreas": [{}]} (an object read as a code).
 */
class StoredAnswerCheckTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FormAnswers answers = new FormAnswers(forms());

	@Test
	void aWholeNumberPastTheLongRangeIsOutOfRange() {
		for (String affected : List.of("9223372036854775808", "9999999999999999999999999999999999999999",
				"-9223372036854775809")) {
			assertThat(fields(document("\"affected\": " + affected))).as(affected).contains("population.affected");
		}
	}

	@Test
	void aShareBeyondWhatADoubleHoldsIsOutOfRange() {
		for (String share : List.of("1e400", "-1e400", "1" + "0".repeat(400))) {
			assertThat(fields(document("\"affected\": 100, \"core20Share\": " + share))).as(share)
				.contains("population.core20Share");
		}
	}

	@Test
	void anythingButACodeAmongTickedAnswersIsAWrongAnswer() {
		for (String ticked : List.of("{}", "[]", "7", "null", "true")) {
			ObjectNode document = document("\"affected\": 100");
			document.set("clinicalAreas", JSON.readTree("[\"HYPERTENSION_LIPIDS\", " + ticked + "]"));

			assertThat(fields(document)).as(ticked).contains("clinicalAreas");
		}
	}

	@Test
	void numbersInRangeAreAccepted() {
		assertThat(fields(document("\"affected\": 100000000, \"core20Share\": 1.0"))).doesNotContain("population.affected",
				"population.core20Share");
	}

	private List<String> fields(ObjectNode document) {
		return answers.check(answers.forms().current(), document).stream().map(FormError::field).toList();
	}

	private static ObjectNode document(String population) {
		return (ObjectNode) JSON.readTree("{\"title\": \"t\", \"board\": \"PLANNED_CARE\", \"population\": {" + population + "}}");
	}

	private static Forms forms() {
		try (InputStream in = Files.newInputStream(Path.of("forms", "hiia.yaml"))) {
			return new Forms(List.of(Forms.read(in, "hiia.yaml")), "hiia/2", Vocabulary.load());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
