package uk.nhs.equitylens.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The engine's rows of the benchmark table: runs {@link EngineBenchmark} and
 * {@link RulebaseBuildBenchmark} with JMH (one fork each, about two minutes on two cores) and turns
 * their iteration scores into {@link Figure}s: the median iteration and the spread (min–max).
 * Run from the project folder (the benchmarks read {@code rules/}); JMH's own progress is shown
 * with {@code -Dbench.verbose=true}.
 */
public final class EngineFigures {

	static final double EVALUATION_TARGET_US = 100;

	static final double BUILD_TARGET_MS = 2000;

	private EngineFigures() {
	}

	public static void main(String[] args) throws Exception {
		for (Figure figure : measure()) {
			System.out.printf("%-62s %-22s %-10s %-4s %s%n", figure.measure(), figure.figure(), figure.target(),
					figure.met() ? "met" : "NOT", figure.note());
		}
	}

	public static List<Figure> measure() throws Exception {
		Options options = new OptionsBuilder().include(Pattern.quote(EngineBenchmark.class.getName()) + "\\.")
			.include(Pattern.quote(RulebaseBuildBenchmark.class.getName()) + "\\.")
			.shouldFailOnError(true)
			.verbosity(Boolean.getBoolean("bench.verbose") ? VerboseMode.NORMAL : VerboseMode.SILENT)
			.build();
		Map<String, Scores> scores = new HashMap<>();
		for (RunResult run : new Runner(options).run()) {
			String benchmark = run.getParams().getBenchmark();
			scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), Scores.of(run));
		}
		Scores full = scores.get("fullRulebase");
		Scores floor = scores.get("emptyRulebase");
		Scores assessment = scores.get("fullAssessment");
		Scores build = scores.get("build");
		List<Figure> figures = new ArrayList<>();
		boolean fast = full.median() <= EVALUATION_TARGET_US;
		figures.add(new Figure("Engine: full rulebase with audit capture, per evaluation", full.text("µs"),
				"≤ 100 µs", fast, fast ? "median over the 40 valid scenario documents, one per invocation"
						: String.format(Locale.UK,
								"%.0f µs (%.1f×) over the target; the empty-rulebase floor alone is %.0f µs of it. %s",
								full.median() - EVALUATION_TARGET_US, full.median() / EVALUATION_TARGET_US,
								floor.median(), WHERE_THE_TIME_GOES)));
		figures.add(new Figure("Engine floor: same session, empty rulebase", floor.text("µs"), "—", true,
				"session creation, audit listener, inserting the same facts, firing the layers"));
		figures.add(new Figure("Engine ratio: full / floor", ratio(full, floor), "reported", true,
				"what the rules and the policy tables cost over an engine session that does nothing"));
		figures.add(new Figure("Full assessment path (validate, deprivation, lens, result)", assessment.text("µs"),
				"—", true, "context: what an API evaluation spends outside HTTP"));
		boolean quickBuild = build.median() <= BUILD_TARGET_MS;
		figures.add(new Figure("Rulebase build from rules/, warm", build.text("ms"), "≤ 2 s warm", quickBuild,
				"read, compile and check the rules and policy tables; " + build.count() + " builds after warm-up"));
		return figures;
	}

	/**
	 * Where the time above the target goes, from the JFR profile of {@code LensEngine.evaluate}
	 * over the scenario documents (samples under {@code LensEngine.run}, after the optimisations).
	 */
	static final String WHERE_THE_TIME_GOES = "Not profiled again since lens v2, whose rules read the policy tables "
			+ "(rules/policy/) as facts inserted into every session.";

	private static String ratio(Scores a, Scores b) {
		return String.format(Locale.UK, "%.1f×", a.median() / b.median());
	}

	/** The iteration scores of one benchmark. */
	record Scores(double median, double min, double max, int count) {

		static Scores of(RunResult run) {
			List<Double> values = new ArrayList<>();
			Collection<BenchmarkResult> forks = run.getBenchmarkResults();
			for (BenchmarkResult fork : forks) {
				for (IterationResult iteration : fork.getIterationResults()) {
					values.add(iteration.getPrimaryResult().getScore());
				}
			}
			values.sort(null);
			int n = values.size();
			double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
			return new Scores(median, values.get(0), values.get(n - 1), n);
		}

		String text(String unit) {
			return number(median) + " " + unit + " (" + number(min) + "–" + number(max) + ")";
		}

		private static String number(double value) {
			return String.format(Locale.UK, value < 10 ? "%.1f" : "%.0f", value);
		}

	}

}
