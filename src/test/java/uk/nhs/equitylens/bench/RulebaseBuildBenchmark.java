package uk.nhs.equitylens.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import uk.nhs.equitylens.lens.RuleFiles;
import uk.nhs.equitylens.lens.Rulebase;
import uk.nhs.equitylens.lens.RulebaseLoader;
import uk.nhs.equitylens.lens.TestRulebase;

/**
 * Building the rulebase from {@code rules/} as startup and reload do (read the files, compile,
 * check every rule's metadata), warm: one build per iteration, the first few discarded as warm-up.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 6)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class RulebaseBuildBenchmark {

	@Benchmark
	public Rulebase build() {
		return new RulebaseLoader().load(RuleFiles.fromFolder(TestRulebase.RULES));
	}

}
