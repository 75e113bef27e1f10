package uk.nhs.equitylens.people;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a few minutes that a password matched a stored hash, so that HTTP Basic, which sends
 * the password with every request, costs one slow hash check (bcrypt, tens of milliseconds of CPU)
 * per person every few minutes instead of one per request.
 * <p>
 * Only successful checks are remembered, and only as an HMAC of the password under a key made at
 * start-up and never written anywhere; the entry is keyed by the stored hash, so a changed password
 * (a new stored hash) no longer finds it. Failed attempts always take the full check.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

	static final int MAX_ENTRIES = 10_000;

	private final PasswordEncoder delegate;

	private final Duration remember;

	private final Clock clock;

	private final SecretKeySpec key;

	private final Map<String, Remembered> matched = new ConcurrentHashMap<>();

	RememberingPasswordEncoder(PasswordEncoder delegate, Duration remember, Clock clock) {
		this.delegate = delegate;
		this.remember = remember;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || remember.isZero()) {
			return delegate.matches(rawPassword, encodedPassword);
		}
		byte[] mac = mac(rawPassword);
		Instant now = clock.instant();
		Remembered seen = matched.get(encodedPassword);
		if (seen != null && now.isBefore(seen.until()) && MessageDigest.isEqual(seen.mac(), mac)) {
			return true;
		}
		boolean matches = delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			if (matched.size() >= MAX_ENTRIES) {
				matched.values().removeIf(entry -> !now.isBefore(entry.until()));
				if (matched.size() >= MAX_ENTRIES) {
					matched.clear();
				}
			}
			matched.put(encodedPassword, new Remembered(mac, now.plus(remember)));
		}
		// a failure leaves a remembered success alone: anyone could otherwise put a person's scripts back
		// on the full check by sending one wrong password for them
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	private byte[] mac(CharSequence rawPassword) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(key);
			return hmac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private record Remembered(byte[] mac, Instant until) {
	}

}
