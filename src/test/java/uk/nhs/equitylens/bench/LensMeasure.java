package uk.nhs.equitylens.bench;

import java.io.InputStream;
import java.util.Arrays;

import uk.nhs.equitylens.assessment.Assessor;
import uk.nhs.equitylens.assessment.TestAssessor;
import uk.nhs.equitylens.lens.RuleFiles;
import uk.nhs.equitylens.lens.RulebaseLoader;
import uk.nhs.equitylens.lens.TestRulebase;
import uk.nhs.equitylens.proposal.ProposalDocument;

import tools.jackson.databind.json.JsonMapper;

/**
 * A plain measurement, not a test: rulebase build time (cold, then warm) and time per evaluation of
 * the spec example through the whole assessor. Prints figures; asserts nothing. Run from the
 * project folder with the test classpath, e.g.
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) uk.nhs.equitylens.bench.LensMeasure}.
 */
public final class LensMeasure {

	private LensMeasure() {
	}

	public static void main(String[] args) throws Exception {
		RulebaseLoader loader = new RulebaseLoader();
		long[] builds = new long[6];
		for (int i = 0; i < builds.length; i++) {
			long start = System.nanoTime();
			loader.load(RuleFiles.fromFolder(TestRulebase.RULES));
			builds[i] = System.nanoTime() - start;
		}
		System.out.printf("Rulebase build: cold %d ms; warm median %d ms (runs 2-6: %s ms)%n", builds[0] / 1_000_000,
				median(Arrays.copyOfRange(builds, 1, builds.length)) / 1_000_000,
				Arrays.toString(Arrays.stream(builds, 1, builds.length).map(n -> n / 1_000_000).toArray()));

		ProposalDocument example;
		try (InputStream in = LensMeasure.class.getResourceAsStream("/proposals/spec-example.json")) {
			example = JsonMapper.builder().build().readValue(in, ProposalDocument.class);
		}
		Assessor assessor = TestAssessor.get();
		for (int i = 0; i < 20_000; i++) {
			assessor.evaluate(example);
		}
		long[] rounds = new long[7];
		int perRound = 5_000;
		for (int r = 0; r < rounds.length; r++) {
			long start = System.nanoTime();
			for (int i = 0; i < perRound; i++) {
				assessor.evaluate(example);
			}
			rounds[r] = (System.nanoTime() - start) / perRound;
		}
		Arrays.sort(rounds);
		System.out.printf("Evaluation of the spec example (validate + deprivation + lens + result): median %d us, "
				+ "min %d us, max %d us over %d rounds of %d%n", median(rounds) / 1000, rounds[0] / 1000,
				rounds[rounds.length - 1] / 1000, rounds.length, perRound);
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
