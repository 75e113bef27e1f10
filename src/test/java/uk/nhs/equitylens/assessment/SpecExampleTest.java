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
	void digitalOnlyBookingIsHighOrSevereAndNeedsANonDigitalRoute() throws Exception {
		AssessmentResult result = TestAssessor.get().evaluate(example()).result();

		assertThat(result.rating()).isIn("HIGH", "SEVERE");
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
		assertThat(withCommitment.residualScore()).isLessThan(withoutCommitment.residualScore());
		assertThat(ratingOrder(withCommitment.residualRating())).isLessThan(ratingOrder(withoutCommitment.residualRating()));
	}

	private static int ratingOrder(String rating) {
		return List.of("LOW", "MODERATE", "HIGH", "SEVERE").indexOf(rating);
	}

}
