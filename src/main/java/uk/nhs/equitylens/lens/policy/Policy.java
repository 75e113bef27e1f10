package uk.nhs.equitylens.lens.policy;

import java.util.List;
import java.util.Optional;

import uk.nhs.equitylens.lens.policy.PolicyFacts.Parameters;

/**
 * The policy tables of one rulebase version: read once, checked, immutable. {@link #facts()} are
 * inserted, read-only, into every evaluation's session; {@link #tables()} are the same rows as text
 * for the pages and the API that show the policy in force.
 */
public final class Policy {

	private final List<PolicyTable> tables;

	private final List<Object> facts;

	private final Parameters parameters;

	Policy(List<PolicyTable> tables, List<Object> facts) {
		this.tables = List.copyOf(tables);
		this.facts = List.copyOf(facts);
		this.parameters = facts.stream()
			.filter(Parameters.class::isInstance)
			.map(Parameters.class::cast)
			.findFirst()
			.orElseThrow();
	}

	public List<PolicyTable> tables() {
		return tables;
	}

	public Optional<PolicyTable> table(String name) {
		return tables.stream().filter(t -> t.name().equals(name)).findFirst();
	}

	/** Every typed row, in table order. */
	public List<Object> facts() {
		return facts;
	}

	public Parameters parameters() {
		return parameters;
	}

	/** The typed rows of one kind. */
	public <T> List<T> facts(Class<T> type) {
		return facts.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
