package uk.nhs.equitylens.lens;

import java.util.List;

/**
 * A rulebase that cannot serve: a DRL file that does not compile, a rule without its governance
 * metadata, or rules that do not settle. Each problem names the file and line where known.
 */
public class RulebaseException extends RuntimeException {

	private final List<String> problems;

	public RulebaseException(String problem) {
		this(List.of(problem));
	}

	public RulebaseException(List<String> problems) {
		super(problems.size() == 1 ? problems.get(0)
				: "The rulebase has " + problems.size() + " problems:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
