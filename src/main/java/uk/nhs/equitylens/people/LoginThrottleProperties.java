package uk.nhs.equitylens.people;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-in attempts are throttled: after {@code maxFailures} failed attempts for one username
 * within {@code window}, that username is refused for {@code lock} without its password being
 * checked ({@code equitylens.login.*}; defaults 5, 15 minutes, 15 minutes).
 */
@ConfigurationProperties("equitylens.login")
public record LoginThrottleProperties(Integer maxFailures, Duration window, Duration lock) {

	public LoginThrottleProperties {
		maxFailures = maxFailures == null ? 5 : maxFailures;
		window = window == null ? Duration.ofMinutes(15) : window;
		lock = lock == null ? Duration.ofMinutes(15) : lock;
		if (maxFailures < 1 || window.isNegative() || window.isZero() || lock.isNegative() || lock.isZero()) {
			throw new IllegalArgumentException("equitylens.login: max-failures must be at least 1, and window and "
					+ "lock must be longer than zero");
		}
	}

}
