package uk.nhs.equitylens.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.nhs.equitylens.lens.ActiveRulebase;
import uk.nhs.equitylens.lens.RuleFile;
import uk.nhs.equitylens.lens.Rulebase;
import uk.nhs.equitylens.lens.RulebaseException;
import uk.nhs.equitylens.lens.RulebaseLoader;

/**
 * Every rulebase that has served an evaluation, kept by its content hash, so that any past
 * evaluation can be replayed under exactly the rules it used. Rebuilt rulebases are cached.
 */
@Service
public class RulebaseArchive {

	private static final TypeReference<LinkedHashMap<String, String>> FILES = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, Rulebase> rebuilt = new ConcurrentHashMap<>();

	private final ActiveRulebase active;

	public RulebaseArchive(JdbcTemplate jdbc, JsonMapper json, Clock clock, ActiveRulebase active) {
		this.active = active;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Keeps the rulebase's files, once per version. The first evaluations under a new rulebase arrive
	 * together (every request after a start or an activation), and each would find the version
	 * missing and insert it: all but one then failed on the primary key, and their whole submission
	 * with it. So a missing version is checked again holding the audit head's row lock, which every
	 * evaluation takes anyway to append its audit entry: the database serialises the first archivers
	 * (across instances too), and the later ones see the row the first committed.
	 */
	@Transactional
	public void archive(Rulebase rulebase) {
		if (archived(rulebase.version())) {
			return;
		}
		jdbc.queryForObject("select last_seq from audit_head where id = 1 for update", Long.class);
		if (archived(rulebase.version())) {
			return;
		}
		Map<String, String> files = new LinkedHashMap<>();
		rulebase.files().forEach(f -> files.put(f.path(), f.text()));
		jdbc.update("insert into rulebase_archive (version, files, archived_at) values (?, ?, ?)", rulebase.version(),
				json.writeValueAsString(files), Timestamp.from(clock.instant()));
		rebuilt.putIfAbsent(rulebase.version(), rulebase);
	}

	private boolean archived(String version) {
		Integer known = jdbc.queryForObject("select count(*) from rulebase_archive where version = ?", Integer.class,
				version);
		return known != null && known > 0;
	}

	/**
	 * The archived rulebase of that version, compiled again (and checked to have the same version).
	 *
	 * @throws UnreplayableRulebaseException when it was made before lens v2 (no {@code policy/*.csv}
	 * among its files: its DRL used fact classes that no longer exist) or does not compile
	 */
	// an unreplayable rulebase is an answer, not a failure: the caller's transaction goes on
	@Transactional(readOnly = true, noRollbackFor = UnreplayableRulebaseException.class)
	public Optional<Rulebase> load(String version) {
		// the rulebase this instance serves is compiled already, whichever instance archived it
		Rulebase serving = active.rulebase();
		if (serving.version().equals(version)) {
			return Optional.of(serving);
		}
		Rulebase cached = rebuilt.get(version);
		if (cached != null) {
			return Optional.of(cached);
		}
		List<String> stored = jdbc.queryForList("select files from rulebase_archive where version = ?", String.class,
				version);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> archived = json.readValue(stored.get(0), FILES);
		if (archived.keySet().stream().noneMatch(RuleFile::isTable)) {
			throw new UnreplayableRulebaseException(version, "it has no policy tables (made before lens v2)", null);
		}
		List<RuleFile> files = new ArrayList<>();
		archived.forEach((path, text) -> files.add(RuleFile.of(path, text)));
		Rulebase rulebase;
		try {
			rulebase = new RulebaseLoader().load(files);
		}
		catch (RulebaseException ex) {
			throw new UnreplayableRulebaseException(version, "it does not compile under this engine", ex);
		}
		if (!rulebase.version().equals(version)) {
			throw new IllegalStateException("Archived rulebase " + version + " rebuilds as " + rulebase.version());
		}
		rebuilt.put(version, rulebase);
		return Optional.of(rulebase);
	}

}
