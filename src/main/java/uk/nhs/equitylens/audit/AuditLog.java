package uk.nhs.equitylens.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: append-only, tamper-evident. Each entry's hash covers its own content and the
 * previous entry's hash, so changing or removing any entry breaks the chain from there on.
 * Appending locks the single head row, so appends from several instances are serialised by the
 * database. No code path updates or deletes an entry.
 */
@Service
public class AuditLog {

	private final JdbcTemplate jdbc;

	private final JsonMapper canonical;

	private final Clock clock;

	AuditLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.canonical = JsonMapper.builder()
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.enable(tools.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.build();
	}

	/** Appends an entry in the caller's transaction: it commits, or rolls back, with what it records. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long append(String kind, String actor, UUID assessmentId, String rulebaseVersion, Object content) {
		Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1 for update");
		long seq = ((Number) head.get("last_seq")).longValue() + 1;
		String previous = (String) head.get("last_hash");
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String json = canonical.writeValueAsString(canonical.valueToTree(content));
		String hash = hash(seq, at, kind, actor, assessmentId, rulebaseVersion, json, previous);
		jdbc.update("""
				insert into audit_entry (seq, recorded_at, kind, actor, assessment_id, rulebase_version, content,
				                         previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", seq, Timestamp.from(at), kind, actor, assessmentId, rulebaseVersion, json, previous, hash);
		jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", seq, hash);
		return seq;
	}

	/**
	 * Walks the whole chain in order, one row at a time (constant memory), recomputing every hash;
	 * reports the first entry whose content or link does not match.
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		AtomicReference<String> previous = new AtomicReference<>("sha256:genesis");
		long[] count = { 0 };
		long[] expectedSeq = { 1 };
		AtomicReference<Verification.Break> broken = new AtomicReference<>();
		jdbc.query("""
				select seq, recorded_at, kind, actor, assessment_id, rulebase_version, content, previous_hash, hash
				from audit_entry order by seq
				""", row -> {
			if (broken.get() != null) {
				return;
			}
			long seq = row.getLong("seq");
			count[0]++;
			if (seq != expectedSeq[0]) {
				broken.set(new Verification.Break(expectedSeq[0], "entry " + expectedSeq[0] + " is missing"));
				return;
			}
			expectedSeq[0]++;
			String stored = row.getString("hash");
			if (!previous.get().equals(row.getString("previous_hash"))) {
				broken.set(new Verification.Break(seq, "entry " + seq + " does not link to the entry before it"));
				return;
			}
			Object assessment = row.getObject("assessment_id");
			String recomputed = hash(seq, row.getTimestamp("recorded_at").toInstant(), row.getString("kind"),
					row.getString("actor"), assessment == null ? null : UUID.fromString(assessment.toString()),
					row.getString("rulebase_version"), row.getString("content"), row.getString("previous_hash"));
			if (!recomputed.equals(stored)) {
				broken.set(new Verification.Break(seq, "entry " + seq + " was changed after it was written"));
				return;
			}
			previous.set(stored);
		});
		if (broken.get() == null) {
			Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1");
			long last = ((Number) head.get("last_seq")).longValue();
			if (last != count[0] || !head.get("last_hash").equals(previous.get())) {
				broken.set(new Verification.Break(Math.min(last, count[0]) + 1,
						"the log ends at entry " + count[0] + " but " + last + " were written: entries were removed"));
			}
		}
		return new Verification(broken.get() == null, count[0], broken.get());
	}

	/** The entries about one assessment, oldest first. */
	@Transactional(readOnly = true)
	public java.util.List<Entry> entries(UUID assessmentId) {
		return jdbc.query("""
				select seq, recorded_at, kind, actor, assessment_id, rulebase_version, content, hash
				from audit_entry where assessment_id = ? order by seq
				""", (row, i) -> new Entry(row.getLong("seq"), row.getTimestamp("recorded_at").toInstant(),
				row.getString("kind"), row.getString("actor"), assessmentId, row.getString("rulebase_version"),
				canonical.readTree(row.getString("content")), row.getString("hash")), assessmentId);
	}

	static String hash(long seq, Instant at, String kind, String actor, UUID assessmentId, String rulebaseVersion,
			String content, String previous) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { previous, Long.toString(seq), at.truncatedTo(ChronoUnit.MICROS).toString(),
					kind, actor, assessmentId == null ? "" : assessmentId.toString(),
					rulebaseVersion == null ? "" : rulebaseVersion, content }) {
				digest.update(part.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return "sha256:" + HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

	/** The result of walking the chain. */
	public record Verification(boolean valid, long entries, Break firstBroken) {

		/** Where the chain first breaks, and how. */
		public record Break(long seq, String problem) {
		}

	}

	/** One audit entry as read back. */
	public record Entry(long seq, Instant recordedAt, String kind, String actor, UUID assessmentId,
			String rulebaseVersion, JsonNode content, String hash) {
	}

}
