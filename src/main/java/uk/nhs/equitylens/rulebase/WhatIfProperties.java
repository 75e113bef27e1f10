package uk.nhs.equitylens.rulebase;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a what-if run shows it is alive: the instance running it renews its heartbeat every
 * {@code heartbeatInterval}; a RUNNING run whose heartbeat is older than {@code interruptedAfter}
 * belongs to an instance that stopped, and counts as INTERRUPTED. A run evaluates on {@code workers}
 * threads (0: one per processor) while one thread reads the assessments.
 */
@ConfigurationProperties("equitylens.whatif")
public record WhatIfProperties(@DefaultValue("5s") Duration heartbeatInterval,
		@DefaultValue("1m") Duration interruptedAfter, @DefaultValue("0") int workers) {

	public WhatIfProperties {
		if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
			throw new IllegalArgumentException("equitylens.whatif.heartbeat-interval must be positive");
		}
		// a few missed beats (a pause, a slow database) must not look like a dead instance
		if (interruptedAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
			throw new IllegalArgumentException("equitylens.whatif.interrupted-after (" + interruptedAfter
					+ ") must be at least three heartbeat intervals (" + heartbeatInterval.multipliedBy(3) + ")");
		}
		if (workers < 0) {
			throw new IllegalArgumentException("equitylens.whatif.workers must be 0 (one per processor) or more");
		}
	}

	/** The number of evaluating threads a run uses. */
	public int threads() {
		return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
	}

}
