package uk.nhs.equitylens.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-in attempts per username, in the database ({@code login_throttle}) so that every
 * instance behind a load balancer sees the same counts. After {@code maxFailures} failures within
 * the window the username is locked: {@link #refusal(String)} says for how long, and the sign-in
 * filters refuse it before any password is checked. A username that does not exist is counted and
 * locked exactly like one that does, so the answers never tell an attacker which exist. A successful
 * sign-in clears the count.
 */
@Service
public class LoginThrottle {

	/** The longest key stored as is; longer usernames are stored as a hash (the column holds 100). */
	private static final int MAX_KEY = 64;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final LoginThrottleProperties settings;

	private final Clock clock;

	LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions, LoginThrottleProperties settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Whether this username may try to sign in now.
	 * @param username as typed
	 * @return whether failures are on record, and how much longer the username is locked if it is
	 */
	public Check check(String username) {
		Instant now = clock.instant();
		List<Timestamp> locked = jdbc.query("select locked_until from login_throttle where username = ?",
				(rs, n) -> rs.getTimestamp(1), key(username));
		if (locked.isEmpty()) {
			return new Check(false, Optional.empty());
		}
		Timestamp until = locked.get(0);
		return new Check(true, until == null || !until.toInstant().isAfter(now) ? Optional.empty()
				: Optional.of(Duration.between(now, until.toInstant())));
	}

	/** A failed attempt (a wrong password, or a username that does not exist). */
	public void failed(String username) {
		String key = key(username);
		Instant now = clock.instant();
		try {
			transaction.executeWithoutResult(status -> count(key, now));
		}
		catch (DuplicateKeyException ex) {
			// another instance inserted the first failure at the same moment: count on its row
			transaction.executeWithoutResult(status -> count(key, now));
		}
		jdbc.update("delete from login_throttle where expires_at < ?", Timestamp.from(now));
	}

	/** A successful sign-in: the count starts again. */
	public void succeeded(String username) {
		jdbc.update("delete from login_throttle where username = ?", key(username));
	}

	private void count(String key, Instant now) {
		List<Row> rows = jdbc.query(
				"select failures, window_start, locked_until from login_throttle where username = ? for update",
				(rs, n) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant(),
						rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()),
				key);
		if (rows.isEmpty()) {
			jdbc.update(
					"insert into login_throttle (username, failures, window_start, locked_until, expires_at) values (?, ?, ?, ?, ?)",
					key, 1, Timestamp.from(now), lockedUntil(1, now), expiry(now, lockedUntil(1, now)));
			return;
		}
		Row row = rows.get(0);
		if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
			return; // refused attempts are not checked, so not counted: the lock does not grow
		}
		boolean sameWindow = row.windowStart().plus(settings.window()).isAfter(now) && row.lockedUntil() == null;
		int failures = sameWindow ? row.failures() + 1 : 1;
		Instant windowStart = sameWindow ? row.windowStart() : now;
		Timestamp lockedUntil = lockedUntil(failures, now);
		jdbc.update(
				"update login_throttle set failures = ?, window_start = ?, locked_until = ?, expires_at = ? where username = ?",
				failures, Timestamp.from(windowStart), lockedUntil, expiry(windowStart, lockedUntil), key);
	}

	private Timestamp lockedUntil(int failures, Instant now) {
		return failures >= settings.maxFailures() ? Timestamp.from(now.plus(settings.lock())) : null;
	}

	private Timestamp expiry(Instant windowStart, Timestamp lockedUntil) {
		Instant windowEnd = windowStart.plus(settings.window());
		return Timestamp.from(lockedUntil != null && lockedUntil.toInstant().isAfter(windowEnd)
				? lockedUntil.toInstant() : windowEnd);
	}

	/** Usernames compare without case (counting "Admin" and "admin" together only ever counts more). */
	static String key(String username) {
		String key = (username == null ? "" : username).strip().toLowerCase(Locale.ROOT);
		if (key.length() <= MAX_KEY) {
			return key;
		}
		try {
			return "#" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * What {@link #check(String)} found.
	 * @param failuresOnRecord whether the username has failed attempts on record (a success clears them)
	 * @param refusedFor how much longer it is locked, or empty
	 */
	public record Check(boolean failuresOnRecord, Optional<Duration> refusedFor) {
	}

	private record Row(int failures, Instant windowStart, Instant lockedUntil) {
	}

}
