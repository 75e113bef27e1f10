package uk.nhs.equitylens.lens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.drools.base.InitialFact;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Records which rules fired and on which facts, and which rule inserted each fact (a finding's rule
 * id comes from here, never from the consequence). The engine listens; rule consequences never log or
 * record anything themselves.
 * <p>
 * The same few facts (the thresholds, the proposal) take part in most firings, so each fact is
 * written out once and the text reused; a fact a rule modifies or retracts is written out afresh
 * the next time it takes part, so the record always shows the fact as the rule saw it.
 */
final class FiringRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

	private final Rulebase rulebase;

	private final List<RuleFiring> firings = new ArrayList<>();

	private final Map<Object, String> written = new IdentityHashMap<>();

	private final Map<Object, String> insertedBy = new IdentityHashMap<>();

	FiringRecorder(Rulebase rulebase) {
		this.rulebase = rulebase;
	}

	@Override
	public void afterMatchFired(AfterMatchFiredEvent event) {
		List<Object> objects = event.getMatch().getObjects();
		String[] facts = new String[objects.size()];
		for (int i = 0; i < facts.length; i++) {
			facts[i] = text(objects.get(i));
		}
		firings.add(new RuleFiring(rulebase.ruleId(event.getMatch().getRule()), List.of(facts)));
	}

	private String text(Object fact) {
		if (fact == null) {
			return "null";
		}
		String text = written.get(fact);
		if (text == null) {
			// the audit log keeps these texts, so nothing that names an identity hash (different every run):
			// an accumulate with several functions matches an Object[], a rule without a leading pattern
			// Drools' initial fact
			if (fact instanceof Object[] values) {
				text = Arrays.deepToString(values);
			}
			else if (fact instanceof InitialFact) {
				text = "InitialFact";
			}
			else {
				text = String.valueOf(fact);
			}
			written.put(fact, text);
		}
		return text;
	}

	@Override
	public void objectInserted(ObjectInsertedEvent event) {
		if (event.getRule() != null) {
			insertedBy.put(event.getObject(), rulebase.ruleId(event.getRule()));
		}
	}

	@Override
	public void objectUpdated(ObjectUpdatedEvent event) {
		written.remove(event.getObject());
		written.remove(event.getOldObject());
	}

	@Override
	public void objectDeleted(ObjectDeletedEvent event) {
		written.remove(event.getOldObject());
	}

	List<RuleFiring> firings() {
		return firings;
	}

	/** The rule id of the rule that inserted {@code fact}; {@code null} for a fact the engine inserted. */
	String insertedBy(Object fact) {
		return insertedBy.get(fact);
	}

}
