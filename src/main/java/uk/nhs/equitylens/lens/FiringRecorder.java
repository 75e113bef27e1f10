package uk.nhs.equitylens.lens;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import uk.nhs.equitylens.lens.fact.RuleMetadata;

/**
 * Records which rules fired and on which facts. The engine listens; rule consequences never log or
 * record anything themselves.
 */
final class FiringRecorder extends DefaultAgendaEventListener {

	private final List<RuleFiring> firings = new ArrayList<>();

	@Override
	public void afterMatchFired(AfterMatchFiredEvent event) {
		List<String> facts = event.getMatch().getObjects().stream().map(String::valueOf).toList();
		firings.add(new RuleFiring(RuleMetadata.ruleId(event.getMatch().getRule()), facts));
	}

	List<RuleFiring> firings() {
		return firings;
	}

}
