package uk.nhs.equitylens.lens;

/**
 * What governance reads about one rule: its stable id, lens domain, rationale, where it lives and
 * which evaluation layer (ruleflow-group) it belongs to.
 */
public record RuleInfo(String ruleId, String domain, String rationale, String name, String file, int line,
		String layer) {
}
