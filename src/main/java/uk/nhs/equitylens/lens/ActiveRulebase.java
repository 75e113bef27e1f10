package uk.nhs.equitylens.lens;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The rulebase that serves evaluations now. An administrator can activate another (after it has
 * compiled and passed every scenario); evaluations in flight finish on the one they started with.
 */
public final class ActiveRulebase {

	private final AtomicReference<LensEngine> engine;

	public ActiveRulebase(Rulebase initial) {
		this.engine = new AtomicReference<>(new LensEngine(initial));
	}

	public LensEngine engine() {
		return engine.get();
	}

	public Rulebase rulebase() {
		return engine.get().rulebase();
	}

	/** Serves {@code rulebase} from now on; returns the one it replaces. */
	public Rulebase activate(Rulebase rulebase) {
		return engine.getAndSet(new LensEngine(rulebase)).rulebase();
	}

}
