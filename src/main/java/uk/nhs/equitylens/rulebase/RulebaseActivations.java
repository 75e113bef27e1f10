package uk.nhs.equitylens.rulebase;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.equitylens.audit.RulebaseArchive;
import uk.nhs.equitylens.lens.ActiveRulebase;
import uk.nhs.equitylens.lens.Rulebase;

/**
 * Which rulebase every instance serves: the latest row of {@code rulebase_activation}. An
 * administrator's activation adds a row and the instance that took it switches at once; every other
 * instance finds the row within {@link RulebaseProperties#syncInterval()} and switches to it, rebuilt
 * from the archive.
 * <p>
 * At start an instance has compiled its {@code rules/} folder. A folder whose version was never
 * recorded is a new deployment: it is recorded (DEPLOYED) and served, so deploying new rules wins over
 * an earlier activation. A folder recorded before yields to the latest activation, so restarting with
 * the same folder does not undo an administrator's activation.
 */
@Service
public class RulebaseActivations {

	private static final Logger log = LoggerFactory.getLogger(RulebaseActivations.class);

	static final String ACTIVATED = "ACTIVATED";

	static final String DEPLOYED = "DEPLOYED";

	static final String DEPLOYMENT = "deployment";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final RulebaseArchive archive;

	private final ActiveRulebase active;

	/** The rulebase compiled from this instance's rules folder at start. */
	private final Rulebase deployed;

	private final RulebaseProperties properties;

	private final ScheduledExecutorService sync = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "rulebase-sync");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * The latest activation this instance has served. Compared by sequence, not version: a switch
	 * happens when a newer activation is recorded, and an activation committed here is not undone by a
	 * sync that read the table just before it.
	 */
	private long served;

	RulebaseActivations(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
			RulebaseArchive archive, ActiveRulebase active, Rulebase deployed, RulebaseProperties properties) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.archive = archive;
		this.active = active;
		this.deployed = deployed;
		this.properties = properties;
	}

	/** Before the web server takes requests: decide what to serve, then keep in step with the table. */
	@PostConstruct
	void start() {
		serveAtStart();
		long every = properties.syncInterval().toMillis();
		sync.scheduleWithFixedDelay(this::syncQuietly, every, every, TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stop() {
		sync.shutdownNow();
	}

	/**
	 * Records the folder's version if it is new, then serves the latest activation. Instances starting
	 * together take turns on the {@code rulebase} row of {@code app_lock}, so a new folder is recorded
	 * once.
	 */
	Rulebase serveAtStart() {
		Activation latest = transaction.execute(status -> {
			jdbc.queryForList("select name from app_lock where name = 'rulebase' for update", String.class);
			Integer recorded = jdbc.queryForObject("select count(*) from rulebase_activation where version = ?",
					Integer.class, deployed.version());
			if (recorded == null || recorded == 0) {
				archive.archive(deployed);
				insert(deployed.version(), DEPLOYMENT, DEPLOYED);
				log.info("Rulebase {} from the rules folder is a new deployment: recorded, and served by every instance",
						deployed.version());
			}
			return latest();
		});
		synchronized (this) {
			switchTo(latest, "the latest activation, by " + latest.by() + " (the rules folder's " + deployed.version()
					+ " was recorded before, so it yields)");
			served = latest.seq();
		}
		return active.rulebase();
	}

	/**
	 * Records {@code rulebase} (already archived) as activated by {@code by}, in the caller's
	 * transaction; this instance serves it once that commits.
	 */
	void activated(Rulebase rulebase, String by) {
		long seq = insert(rulebase.version(), by, ACTIVATED);
		Runnable serve = () -> {
			synchronized (this) {
				// a later activation from another instance may have been served already: it stays
				if (seq > served) {
					active.activate(rulebase);
					served = seq;
				}
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					serve.run();
				}
			});
		}
		else {
			serve.run();
		}
	}

	/** Switches to the latest activation if one newer than the one served has been recorded. */
	synchronized void sync() {
		Activation latest = latest();
		if (latest.seq() > served) {
			switchTo(latest, "activated by " + latest.by() + " (" + latest.source() + ")");
			served = latest.seq();
		}
	}

	private void syncQuietly() {
		try {
			sync();
		}
		catch (RuntimeException ex) {
			// the database briefly away, or an archive that does not rebuild: keep serving, try again
			log.warn("Rulebase sync failed; serving {} and trying again in {}", active.rulebase().version(),
					properties.syncInterval(), ex);
		}
	}

	private void switchTo(Activation latest, String why) {
		if (latest.version().equals(active.rulebase().version())) {
			return;
		}
		// back to the rules folder's version: already compiled here
		Rulebase rulebase = latest.version().equals(deployed.version()) ? deployed : archive.load(latest.version())
			.orElseThrow(() -> new IllegalStateException("Rulebase " + latest.version() + " is recorded as activated"
					+ " but is not in the archive"));
		Rulebase previous = active.activate(rulebase);
		log.warn("Rulebase {} now served here (was {}): {}", rulebase.version(), previous.version(), why);
	}

	private long insert(String version, String by, String source) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement(
					"insert into rulebase_activation (version, activated_by, activated_at, source) values (?, ?, ?, ?)",
					new String[] { "seq" });
			insert.setString(1, version);
			insert.setString(2, by);
			insert.setTimestamp(3, Timestamp.from(clock.instant()));
			insert.setString(4, source);
			return insert;
		}, key);
		return key.getKeyAs(Long.class);
	}

	private Activation latest() {
		List<Activation> rows = jdbc.query(
				"select seq, version, activated_by, source from rulebase_activation order by seq desc fetch first 1 rows only",
				(row, n) -> new Activation(row.getLong("seq"), row.getString("version"), row.getString("activated_by"),
						row.getString("source")));
		if (rows.isEmpty()) {
			throw new IllegalStateException("No rulebase has been recorded as activated or deployed");
		}
		return rows.get(0);
	}

	/** One row of {@code rulebase_activation}. */
	record Activation(long seq, String version, String by, String source) {
	}

}
