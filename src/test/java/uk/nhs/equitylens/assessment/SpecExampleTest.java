package uk.nhs.equitylens.assessment;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import uk.nhs.equitylens.proposal.ProposalDocument;

import static org.assertj.core.api.Assertions.assertThat;

/** The proposal example from {@code shared/spec/proposal.md}, through the whole lens without Spring. */
class SpecExampleTest {

	static ProposalDocument example() throws Exception {
		try (InputStream in = SpecExampleTest.class.getResourceAsStream("/proposals/spec-example.json")) {
			return JsonMapper.builder().build().readValue(in, ProposalDocument.class);
		}
	}

	@Test
	void digitalOnlyBookingIsHighAndNeedsANonDigitalRoute() throws Exception {
		AssessmentResult result = TestAssessor.get().evaluate(example()).result();

		assertThat(result.rating()).isEqualTo("HIGH");
		assertThat(result.provisional()).as("eight protected characteristics are unanswered").isTrue();
		assertThat(result.requiredMitigations())
			.filteredOn(m -> m.code().equals("NON_DIGITAL_ROUTE"))
			.singleElement()
			.satisfies(m -> {
				assertThat(m.ruleId()).isEqualTo("ACC-001");
				assertThat(m.satisfied()).isTrue();
				assertThat(m.label()).isEqualTo("Keep a telephone and in-person route of equal standing");
			});
		assertThat(result.rulebaseVersion()).startsWith("sha256:");
		assertThat(result.formVersion()).isEqualTo("hiia/1");
	}

	@Test
	void theRecordedFiringsAreTheSameEveryTime() throws Exception {
		List<uk.nhs.equitylens.lens.RuleFiring> first = TestAssessor.get().evaluate(example()).firings();
		List<uk.nhs.equitylens.lens.RuleFiring> second = TestAssessor.get().evaluate(example()).firings();

		// the audit log keeps these: an identity hash (an accumulate's Object[], Drools' initial fact) differs
		// from one run of the application to the next
		assertThat(second).isEqualTo(first);
		assertThat(first.toString()).doesNotContainPattern("@[0-9a-f]{6,8}\\b");
	}

	@Test
	void committingTheNonDigitalRouteLowersTheResidualRating() throws Exception {
		ProposalDocument committed = example();
		ProposalDocument proposed = committed
			.withMitigations(List.of(new ProposalDocument.MitigationAnswer("NON_DIGITAL_ROUTE", "PROPOSED", null, null, null)));

		AssessmentResult withCommitment = TestAssessor.get().evaluate(committed).result();
		AssessmentResult withoutCommitment = TestAssessor.get().evaluate(proposed).result();

		assertThat(withoutCommitment.residualRating()).isEqualTo(withoutCommitment.rating());
		assertThat(withCommitment.rating()).isEqualTo(withoutCommitment.rating());
		// the telephone and walk-in route answers three quarters of the digital-only harm, to the people
		// it bears on too; assisted digital support and the Core20PLUS5 clinical harm stay open
		assertThat(withCommitment.residualScore()).isLessThan(withoutCommitment.residualScore() * 2 / 3);
	}

	@Test
	void committingEveryHarmRemedyItRequiresTakesTheResidualDownABand() throws Exception {
		ProposalDocument example = example();
		AssessmentResult inherent = TestAssessor.get().evaluate(example).result();
		List<ProposalDocument.MitigationAnswer> all = inherent.requiredMitigations().stream()
			.filter(m -> !m.assuranceAction())
			.map(m -> new ProposalDocument.MitigationAnswer(m.code(), "COMMITTED", "Audiology service manager",
					java.time.LocalDate.of(2027, 3, 31), null))
			.toList();
		AssessmentResult mitigated = TestAssessor.get().evaluate(example.withMitigations(all)).result();

		assertThat(all).extracting(ProposalDocument.MitigationAnswer::code)
			.contains("NON_DIGITAL_ROUTE", "DIGITAL_SUPPORT");
		assertThat(ratingOrder(mitigated.residualRating())).isLessThan(ratingOrder(inherent.rating()));
		assertThat(mitigated.mitigation().answeredShare()).isEqualTo(1.0);
	}

	private static int ratingOrder(String rating) {
		return List.of("LOW", "MODERATE", "HIGH", "SEVERE").indexOf(rating);
	}

}
