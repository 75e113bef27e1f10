package uk.nhs.equitylens.lens;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * When the rulebase cannot load, startup ends with its problems (file, line, what is wrong) at the
 * top of the log, not buried in a bean-creation stack trace.
 */
class RulebaseFailureAnalyzer extends AbstractFailureAnalyzer<RulebaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RulebaseException cause) {
		return new FailureAnalysis("The rulebase could not be loaded:\n  " + String.join("\n  ", cause.problems()),
				"Correct the rule files named above (or point equitylens.rules.dir at a good rules folder) and start again.",
				cause);
	}

}
