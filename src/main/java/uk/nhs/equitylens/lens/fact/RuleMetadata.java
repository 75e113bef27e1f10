package uk.nhs.equitylens.lens.fact;

import org.kie.api.definition.rule.Rule;

/**
 * The metadata every rule carries for governance: {@code @ruleId("ACC-001")},
 * {@code @domain("access")} and {@code @rationale("...")}. Findings read their rule id and domain
 * from here, so a consequence can never name the wrong rule.
 */
public final class RuleMetadata {

	public static final String RULE_ID = "ruleId";

	public static final String DOMAIN = "domain";

	public static final String RATIONALE = "rationale";

	private RuleMetadata() {
	}

	public static String ruleId(Rule rule) {
		return value(rule, RULE_ID);
	}

	public static String domain(Rule rule) {
		return value(rule, DOMAIN);
	}

	public static String rationale(Rule rule) {
		return value(rule, RATIONALE);
	}

	/** The metadata value as text, unquoted; {@code null} when the rule lacks it. */
	public static String value(Rule rule, String key) {
		Object value = rule.getMetaData().get(key);
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
			text = text.substring(1, text.length() - 1);
		}
		return text;
	}

}
