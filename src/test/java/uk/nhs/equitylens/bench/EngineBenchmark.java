package uk.nhs.equitylens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import uk.nhs.equitylens.assessment.Assessor;
import uk.nhs.equitylens.assessment.Evaluation;
import uk.nhs.equitylens.assessment.TestAssessor;
import uk.nhs.equitylens.lens.EngineBench;
import uk.nhs.equitylens.lens.LensEngine;
import uk.nhs.equitylens.lens.LensFacts;
import uk.nhs.equitylens.lens.LensOutcome;
import uk.nhs.equitylens.lens.TestRulebase;
import uk.nhs.equitylens.proposal.ProposalDocument;
import uk.nhs.equitylens.scenario.Scenarios;

/**
 * Time per evaluation of a realistic proposal: each invocation takes the next of the valid scenario
 * documents in {@code rules/scenarios} (40 of them), so the average is over the documents
 * governance wrote to exercise the whole rulebase, not over one easy case.
 * <ul>
 * <li>{@code fullRulebase}: the production path, {@link LensEngine#evaluate} over the rulebase built
 * from {@code rules/}, with the audit capture (every firing and its facts recorded).</li>
 * <li>{@code emptyRulebase}: the engine's floor, the same session path (creation, audit listener,
 * insertion of the same facts, the layers focused and fired, disposal) over a rulebase with no
 * rules.</li>
 * <li>{@code fullAssessment}: for context, the assessor end to end (validation, deprivation
 * lookup, facts, lens, result) on the same documents.</li>
 * </ul>
 * The rulebase, the documents and their facts are made once per trial; only the evaluation is
 * timed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Thread)
public class EngineBenchmark {

	private List<ProposalDocument> documents;

	private List<LensFacts> facts;

	private LensEngine engine;

	private LensEngine emptyEngine;

	private Assessor assessor;

	private int next;

	@Setup
	public void setUp() {
		documents = new ArrayList<>();
		facts = new ArrayList<>();
		for (Scenarios.ScenarioFile file : Scenarios.load()) {
			if (!file.scenario().expect().invalid()) {
				documents.add(file.scenario().given());
				facts.add(TestAssessor.facts(file.scenario().given()));
			}
		}
		engine = TestRulebase.engine();
		emptyEngine = new LensEngine(EngineBench.emptyRulebase());
		assessor = TestAssessor.get();
	}

	private int next() {
		int i = next;
		next = i + 1 == facts.size() ? 0 : i + 1;
		return i;
	}

	@Benchmark
	public LensOutcome fullRulebase() {
		return engine.evaluate(facts.get(next()));
	}

	@Benchmark
	public int emptyRulebase() {
		return EngineBench.fire(emptyEngine, facts.get(next()));
	}

	@Benchmark
	public Evaluation fullAssessment() {
		return assessor.evaluate(documents.get(next()));
	}

}
