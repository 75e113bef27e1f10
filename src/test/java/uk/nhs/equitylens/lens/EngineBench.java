package uk.nhs.equitylens.lens;

import java.util.List;

/**
 * What the engine benchmarks ({@code uk.nhs.equitylens.bench}) need from inside the lens package:
 * a rulebase with no rules, and the engine's session path without reading an outcome.
 */
public final class EngineBench {

	private EngineBench() {
	}

	/** A rulebase built the production way from one DRL file that declares no rule, beside the real policy tables. */
	public static Rulebase emptyRulebase() {
		List<RuleFile> files = new java.util.ArrayList<>(RuleFiles.fromFolder(TestRulebase.RULES).stream()
			.filter(f -> !f.isDrl())
			.toList());
		files.add(RuleFile.of("lens/empty.drl", "package lens;\n"));
		return new RulebaseLoader().load(files);
	}

	/**
	 * The engine's floor: the session {@link LensEngine#evaluate} makes (the same creation, audit
	 * listener, insertion, layer focus, firing and disposal) with nothing read back. Returns how many
	 * rules fired.
	 */
	public static int fire(LensEngine engine, LensFacts facts) {
		return engine.run(facts, (session, recorder) -> recorder.firings().size());
	}

}
