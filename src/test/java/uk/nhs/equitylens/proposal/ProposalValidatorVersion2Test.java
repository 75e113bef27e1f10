package uk.nhs.equitylens.proposal;

import java.io.InputStream;
import java.util.List;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.deprivation.DeprivationIndex;
import uk.nhs.equitylens.vocabulary.Vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What version 2 of the proposal document adds to validation: access change codes, the assessor's
 * own view, and an owner and a due date for every mitigation taken on.
 */
class ProposalValidatorVersion2Test {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ProposalValidator VALIDATOR = new ProposalValidator(Vocabulary.load(), DeprivationIndex.load(),
			Validation.buildDefaultValidatorFactory().getValidator());

	@Test
	void theCompleteSpecExampleIsValid() {
		assertThat(VALIDATOR.check(read(example()))).isEmpty();
	}

	@Test
	void accessChangesMustBeVocabularyCodesListedOnce() {
		ObjectNode document = example();
		document.putArray("accessChanges").add("CLOSES_A_ROUTE").add("BULLDOZES_IT").add("CLOSES_A_ROUTE");

		assertThat(VALIDATOR.check(read(document))).extracting(Violation::field)
			.containsExactly("accessChanges[1]", "accessChanges[2]");
		assertThat(VALIDATOR.check(read(document))).extracting(Violation::message)
			.anySatisfy(m -> assertThat(m).contains("'BULLDOZES_IT' is not a known access change code"))
			.anySatisfy(m -> assertThat(m).contains("listed more than once"));
	}

	@Test
	void noAccessChangesAndAbsentAccessChangesAreBothValid() {
		ObjectNode empty = example();
		empty.putArray("accessChanges");
		ObjectNode absent = example();
		absent.remove("accessChanges");

		assertThat(VALIDATOR.check(read(empty))).isEmpty();
		assertThat(VALIDATOR.check(read(absent))).isEmpty();
	}

	@Test
	void theAssessorsRatingMustBeARatingCodeWithAReason() {
		ObjectNode unknown = example();
		unknown.putObject("assessorView").put("rating", "TERRIBLE").put("reason", "Because.");
		ObjectNode noReason = example();
		noReason.putObject("assessorView").put("rating", "HIGH");
		ObjectNode blankReason = example();
		blankReason.putObject("assessorView").put("rating", "HIGH").put("reason", "  ");
		ObjectNode tooLong = example();
		tooLong.putObject("assessorView").put("rating", "HIGH").put("reason", "x".repeat(2001));
		ObjectNode fine = example();
		fine.putObject("assessorView").put("rating", "MODERATE").put("reason", "x".repeat(2000));

		assertThat(VALIDATOR.check(read(unknown))).extracting(Violation::field).containsExactly("assessorView.rating");
		assertThat(VALIDATOR.check(read(unknown)).get(0).message()).contains("LOW, MODERATE, HIGH, SEVERE");
		assertThat(VALIDATOR.check(read(noReason))).extracting(Violation::field, Violation::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("assessorView.reason", "Give the reason for your own rating"));
		assertThat(VALIDATOR.check(read(blankReason))).extracting(Violation::field).containsExactly("assessorView.reason");
		assertThat(VALIDATOR.check(read(tooLong))).extracting(Violation::field).containsExactly("assessorView.reason");
		assertThat(VALIDATOR.check(read(fine))).isEmpty();
	}

	@Test
	void aCommittedOrDoneMitigationNamesItsOwnerAndDueDate() {
		ObjectNode document = example();
		ArrayNode mitigations = document.putArray("mitigations");
		mitigations.addObject().put("code", "NON_DIGITAL_ROUTE").put("status", "COMMITTED");
		mitigations.addObject().put("code", "DIGITAL_SUPPORT").put("status", "DONE").put("owner", "Digital lead");
		mitigations.addObject().put("code", "TRANSPORT_SUPPORT").put("status", "DONE").put("owner", " ").put("due", "2027-01-31");
		mitigations.addObject().put("code", "OUTREACH_IN_COMMUNITY").put("status", "PROPOSED");

		List<Violation> violations = VALIDATOR.check(read(document));

		assertThat(violations).extracting(Violation::field)
			.containsExactly("mitigations[0].due", "mitigations[0].owner", "mitigations[1].due", "mitigations[2].owner");
		assertThat(violations).filteredOn(v -> v.field().equals("mitigations[0].owner")).singleElement()
			.satisfies(v -> assertThat(v.message()).isEqualTo(
					"Name who owns this mitigation: a mitigation that is committed needs an owner"));
		assertThat(violations).filteredOn(v -> v.field().equals("mitigations[1].due")).singleElement()
			.satisfies(v -> assertThat(v.message()).isEqualTo(
					"Give the date this mitigation is due: a mitigation that is done needs a due date"));
	}

	@Test
	void mitigationResponsesAloneAreCheckedTheSameWay() {
		List<ProposalDocument.MitigationAnswer> responses = List.of(
				new ProposalDocument.MitigationAnswer("NON_DIGITAL_ROUTE", "COMMITTED", "Manager", null, null),
				new ProposalDocument.MitigationAnswer("DIGITAL_SUPPORT", "PROPOSED", null, null, null));

		assertThat(VALIDATOR.checkMitigations(responses)).extracting(Violation::field)
			.containsExactly("mitigations[0].due");
	}

	static ObjectNode example() {
		try (InputStream in = ProposalValidatorVersion2Test.class.getResourceAsStream("/proposals/proposal-example.json")) {
			return (ObjectNode) JSON.readTree(in);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static ProposalDocument read(ObjectNode document) {
		return JSON.treeToValue(document, ProposalDocument.class);
	}

}
