package uk.nhs.equitylens.rulebase;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often each instance looks in the database for a rulebase activated on another instance
 * ({@code equitylens.rulebase.sync-interval}), and switches to it.
 */
@ConfigurationProperties("equitylens.rulebase")
public record RulebaseProperties(@DefaultValue("10s") Duration syncInterval) {

	public RulebaseProperties {
		if (syncInterval.isNegative() || syncInterval.isZero()) {
			throw new IllegalArgumentException("equitylens.rulebase.sync-interval must be positive");
		}
	}

}
