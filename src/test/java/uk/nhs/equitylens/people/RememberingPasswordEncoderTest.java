package uk.nhs.equitylens.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class RememberingPasswordEncoderTest {

	private final CountingEncoder bcrypt = new CountingEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());

	private final MovableClock clock = new MovableClock();

	private final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt, Duration.ofMinutes(5),
			clock);

	private final String stored = encoder.encode("correct horse battery staple");

	@Test
	void aMatchedPasswordIsCheckedOnceWithinTheWindow() {
		assertThat(encoder.matches("correct horse battery staple", stored)).isTrue();
		assertThat(encoder.matches("correct horse battery staple", stored)).isTrue();
		assertThat(encoder.matches("correct horse battery staple", stored)).isTrue();
		assertThat(bcrypt.checks).hasValue(1);
	}

	@Test
	void aWrongPasswordAlwaysTakesTheFullCheckAndNeverMatches() {
		assertThat(encoder.matches("correct horse battery staple", stored)).isTrue();
		assertThat(encoder.matches("wrong", stored)).isFalse();
		assertThat(encoder.matches("wrong", stored)).isFalse();
		assertThat(bcrypt.checks).hasValue(3);
		// and leaves the earlier success remembered (a stranger's wrong guess must not cost its owner)
		assertThat(encoder.matches("correct horse battery staple", stored)).isTrue();
		assertThat(bcrypt.checks).hasValue(3);
	}

	@Test
	void theWindowEnds() {
		assertThat(encoder.matches("correct horse battery staple", stored)).isTrue();
		clock.now = clock.now.plus(Duration.ofMinutes(5));
		assertThat(encoder.matches("correct horse battery staple", stored)).isTrue();
		assertThat(bcrypt.checks).hasValue(2);
	}

	@Test
	void aChangedPasswordIsNotMatchedByTheOldOne() {
		assertThat(encoder.matches("correct horse battery staple", stored)).isTrue();
		String changed = encoder.encode("a new and different password");
		assertThat(encoder.matches("correct horse battery staple", changed)).isFalse();
		assertThat(encoder.matches("a new and different password", changed)).isTrue();
	}

	@Test
	void zeroTurnsRememberingOff() {
		RememberingPasswordEncoder off = new RememberingPasswordEncoder(bcrypt, Duration.ZERO, clock);
		assertThat(off.matches("correct horse battery staple", stored)).isTrue();
		assertThat(off.matches("correct horse battery staple", stored)).isTrue();
		assertThat(bcrypt.checks).hasValue(2);
	}

	private static final class CountingEncoder implements PasswordEncoder {

		private final PasswordEncoder real;

		private final AtomicInteger checks = new AtomicInteger();

		CountingEncoder(PasswordEncoder real) {
			this.real = real;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			return real.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			checks.incrementAndGet();
			return real.matches(rawPassword, encodedPassword);
		}

	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-11-23T10:00:00Z");

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
