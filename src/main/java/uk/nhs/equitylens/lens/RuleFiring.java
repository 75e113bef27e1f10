package uk.nhs.equitylens.lens;

import java.util.List;

/** One rule firing as the engine's event listener saw it: the rule and the facts it matched. */
public record RuleFiring(String ruleId, List<String> facts) {

	public RuleFiring {
		facts = List.copyOf(facts);
	}

}
