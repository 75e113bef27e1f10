package uk.nhs.equitylens.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import uk.nhs.equitylens.assessment.AssessmentResult;
import uk.nhs.equitylens.assessment.TestAssessor;
import uk.nhs.equitylens.proposal.ProposalDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real, published impact assessments mapped to proposal documents ({@code rules/calibration/}):
 * the lens must agree with what the assessors concluded, before and after the mitigations the
 * decision-makers adopted. The expectations were written from the sources before the lens ran on
 * them (see each file's history); they are never changed to fit the output.
 */
class CalibrationTest {

	static final Path FOLDER = Path.of("rules", "calibration");

	private static final List<String> RATINGS = List.of("LOW", "MODERATE", "HIGH", "SEVERE");

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final List<String> TABLE = new ArrayList<>();

	record Case(String name, Source source, Concluded concluded, List<String> mapping, ProposalDocument proposal,
			Expect expect, Mitigated mitigated, Disagreement disagreement) {

		Disagreement disagrees() {
			return disagreement == null ? new Disagreement(null, null, null, null) : disagreement;
		}

	}

	/**
	 * Where the lens and the mapped expectation differ and the case says why: the lens's value is
	 * pinned exactly (a change to it fails), the expectation stays as it was written.
	 */
	record Disagreement(String rating, String residual, String equityBenefit, String reason) {
	}

	record Source(String title, String publisher, int year, String address, String read) {
	}

	record Concluded(String assessors, String decision) {
	}

	record Bounds(String min, String max) {

		boolean holds(String rating) {
			int at = RATINGS.indexOf(rating);
			return at >= RATINGS.indexOf(min) && (max == null || at <= RATINGS.indexOf(max));
		}

		@Override
		public String toString() {
			return min + ".." + (max == null ? "" : max);
		}

	}

	record Expect(Bounds rating, List<String> assurance, List<String> requiredMitigations,
			List<String> barriersFlagged, String equityBenefit) {
	}

	record Mitigated(List<ProposalDocument.MitigationAnswer> mitigations, Bounds residual) {
	}

	static List<Path> files() throws IOException {
		try (Stream<Path> files = Files.list(FOLDER)) {
			return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
		}
	}

	@TestFactory
	Stream<DynamicTest> everyCaseAgreesWithItsAssessors() throws IOException {
		List<Path> files = files();
		assertThat(files).as("at least 15 real cases").hasSizeGreaterThanOrEqualTo(15);
		return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
	}

	private static void check(Path file) throws IOException {
		Case c = YAML.readValue(file.toFile(), Case.class);
		assertThat(c.proposal().mitigations()).as("the real case is mapped without mitigations").isEmpty();
		AssessmentResult before = TestAssessor.get().evaluate(c.proposal()).result();
		AssessmentResult after = TestAssessor.get()
			.evaluate(c.proposal().withMitigations(c.mitigated().mitigations()))
			.result();
		TABLE.add(String.format("| %s | %s %d | %s | %s (%d) [%s] | %s (%d) [%s] | %s %s |%s", c.name(),
				c.source().publisher(), c.source().year(), c.concluded().decision().replace("|", "/"),
				before.rating(), before.score(), c.expect().rating(), after.residualRating(), after.residualScore(),
				c.mitigated().residual(), before.assurance().level(), c.expect().assurance(),
				c.disagreement() == null ? "" : " disagreement: " + c.disagreement().reason()));
		String why = c.name() + ": " + before.findings().stream().map(f -> f.ruleId() + " " + f.points()).toList();
		assertThat(before.assurance().complete()).as(c.name() + " is mapped complete").isTrue();
		Disagreement d = c.disagrees();
		if (d.rating() != null) {
			assertThat(before.rating()).as(c.name() + " rating, a recorded disagreement").isEqualTo(d.rating());
		}
		else {
			assertThat(c.expect().rating().holds(before.rating())).as(why + " rating " + before.rating() + " ("
					+ before.score() + ") within " + c.expect().rating()).isTrue();
		}
		if (d.residual() != null) {
			assertThat(after.residualRating()).as(c.name() + " residual, a recorded disagreement")
				.isEqualTo(d.residual());
		}
		else {
			assertThat(c.mitigated().residual().holds(after.residualRating())).as(c.name() + " residual "
					+ after.residualRating() + " (" + after.residualScore() + ") within " + c.mitigated().residual())
				.isTrue();
		}
		assertThat(c.expect().assurance()).as(c.name() + " assurance").contains(before.assurance().level());
		assertThat(before.requiredMitigations()).extracting(AssessmentResult.RequiredMitigationView::code)
			.as(c.name() + " required mitigations")
			.containsAll(c.expect().requiredMitigations());
		List<String> flagged = before.findings().stream().flatMap(f -> f.barriers().stream()).toList();
		assertThat(flagged).as(c.name() + " barriers flagged").containsAll(c.expect().barriersFlagged());
		String benefit = d.equityBenefit() != null ? d.equityBenefit() : c.expect().equityBenefit();
		if ("zero".equals(benefit)) {
			assertThat(before.equityBenefit()).as(c.name() + " equity benefit").isZero();
		}
		else {
			assertThat(before.equityBenefit()).as(c.name() + " equity benefit").isPositive();
		}
	}

	/** The calibration table, as the closing note and README give it. */
	@AfterAll
	static void printTable() throws IOException {
		Files.createDirectories(Path.of("target"));
		List<String> lines = new ArrayList<>(List.of("| Case | Source | Decided | Lens rating [expected] | Residual [expected] | Assurance [expected] |",
				"|---|---|---|---|---|---|"));
		TABLE.stream().sorted().forEach(lines::add);
		Files.write(Path.of("target", "calibration.md"), lines);
	}

}
