package uk.nhs.equitylens.lens;

import java.nio.file.Path;

/** The project's rulebase ({@code rules/}), compiled once per test JVM. */
public final class TestRulebase {

	public static final Path RULES = Path.of("rules");

	private static Rulebase rulebase;

	private TestRulebase() {
	}

	public static synchronized Rulebase get() {
		if (rulebase == null) {
			rulebase = new RulebaseLoader().load(RuleFiles.fromFolder(RULES));
		}
		return rulebase;
	}

	public static LensEngine engine() {
		return new LensEngine(get());
	}

}
