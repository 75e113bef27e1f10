package uk.nhs.equitylens.lens;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import uk.nhs.equitylens.lens.fact.RuleMetadata;
import uk.nhs.equitylens.lens.policy.Policy;

/**
 * A compiled, checked rulebase: one shared {@link KieBase} (sessions are made per evaluation), its
 * version (a content hash of the rule files) and the governance metadata of every rule.
 */
public final class Rulebase {

	/**
	 * The evaluation layers, in the order they run. Each rule names its layer as its
	 * {@code ruleflow-group} (Drools 10 spelling of agenda-group; the engine focuses each in turn): classification derives facts from the proposal; assessment raises
	 * findings, required mitigations and benefits from them; mitigation counts what is committed;
	 * rating turns points into scores and bands.
	 */
	public static final List<String> LAYERS = List.of("classify", "assess", "mitigate", "rate");

	/**
	 * The lens domains a rule may belong to: the harm domains (scored into the rating), the assurance
	 * domains (scored into assurance), and the rules that classify, credit benefit, and rate.
	 */
	public static final List<String> DOMAINS = List.of("cohorts", "access", "clinical", "cumulative", "evidence",
			"engagement", "monitoring", "classification", "benefit", "assurance", "rating");

	private final String version;

	private final KieBase kieBase;

	private final List<RuleInfo> rules;

	private final Map<String, RuleInfo> rulesById;

	private final List<RuleFile> files;

	/** Each rule's id, read from its metadata once rather than on every firing. */
	private final Map<Rule, String> ruleIds = new IdentityHashMap<>();

	/** Sessions of this rulebase, reset and reused: disposing a session hands it back clean. */
	private final KieSessionsPool sessions;

	private final Policy policy;

	Rulebase(String version, KieBase kieBase, List<RuleInfo> rules, List<RuleFile> files, Policy policy) {
		this.policy = policy;
		this.version = version;
		this.kieBase = kieBase;
		this.rules = List.copyOf(rules);
		this.rulesById = rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::ruleId, Function.identity()));
		this.files = List.copyOf(files);
		kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> ruleIds.put(r, RuleMetadata.ruleId(r))));
		this.sessions = kieBase.newKieSessionsPool(1);
	}

	/** The policy tables this version's rules read. */
	public Policy policy() {
		return policy;
	}

	/** {@code sha256:<hex>} over every rule file's and table's path and content. */
	public String version() {
		return version;
	}

	KieBase kieBase() {
		return kieBase;
	}

	/**
	 * A session for one evaluation, empty as if new. Dispose of it when done: that resets it and
	 * returns it to the pool, which saves building the session's node memories for every evaluation.
	 */
	KieSession newSession() {
		return sessions.newKieSession();
	}

	/** The {@code @ruleId} of one of this rulebase's rules. */
	String ruleId(Rule rule) {
		String id = ruleIds.get(rule);
		return id != null ? id : RuleMetadata.ruleId(rule);
	}

	public List<RuleInfo> rules() {
		return rules;
	}

	public RuleInfo rule(String ruleId) {
		return rulesById.get(ruleId);
	}

	public List<RuleFile> files() {
		return files;
	}

}
