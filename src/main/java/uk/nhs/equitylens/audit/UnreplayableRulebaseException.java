package uk.nhs.equitylens.audit;

import java.util.ArrayList;
import java.util.List;

import uk.nhs.equitylens.lens.RulebaseException;

/**
 * An archived rulebase that cannot be rebuilt: one made before lens v2, whose DRL used fact classes
 * that no longer exist and which has no policy tables, or one that no longer compiles. Its
 * evaluations are shown as stored and never replayed.
 */
public class UnreplayableRulebaseException extends RulebaseException {

	private final String version;

	UnreplayableRulebaseException(String version, String reason, RulebaseException cause) {
		super(problems(version, reason, cause));
		if (cause != null) {
			initCause(cause);
		}
		this.version = version;
	}

	private static List<String> problems(String version, String reason, RulebaseException cause) {
		List<String> problems = new ArrayList<>();
		problems.add("Archived rulebase " + version + " cannot be rebuilt: " + reason);
		if (cause != null) {
			problems.addAll(cause.problems());
		}
		return problems;
	}

	public String version() {
		return version;
	}

}
