package uk.nhs.equitylens.rulebase;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import uk.nhs.equitylens.audit.RulebaseArchive;
import uk.nhs.equitylens.lens.ActiveRulebase;
import uk.nhs.equitylens.lens.RuleFile;
import uk.nhs.equitylens.lens.RuleFiles;
import uk.nhs.equitylens.lens.Rulebase;
import uk.nhs.equitylens.lens.RulebaseLoader;
import uk.nhs.equitylens.lens.TestRulebase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an instance serves when it starts, on a migrated H2 database and without Spring: each
 * "instance" is its own active rulebase, archive (with its own cache of rebuilt rulebases) and
 * activations over the one database, as after a restart or beside another instance.
 */
class RulebaseActivationsTest {

	private static Rulebase folder;

	private static Rulebase reviewed;

	private static Rulebase redeployed;

	private JdbcTemplate jdbc;

	private DataSourceTransactionManager transactions;

	@BeforeAll
	static void compileThreeVersions() {
		folder = TestRulebase.get();
		reviewed = withComment("// reviewed by the board");
		redeployed = withComment("// redeployed with new rules");
		assertThat(List.of(folder.version(), reviewed.version(), redeployed.version())).doesNotHaveDuplicates();
	}

	@BeforeEach
	void emptyDatabase() {
		JdbcDataSource data = new JdbcDataSource();
		data.setURL("jdbc:h2:mem:activations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		data.setUser("sa");
		Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
		jdbc = new JdbcTemplate(data);
		transactions = new DataSourceTransactionManager(data);
	}

	@Test
	void onAnEmptyTableTheFolderIsRecordedOnceAsADeploymentAndServed() {
		assertThat(start(folder).active.rulebase().version()).isEqualTo(folder.version());
		assertThat(start(folder).active.rulebase().version()).isEqualTo(folder.version());

		assertThat(jdbc.queryForList("select version, activated_by, source from rulebase_activation"))
			.containsExactly(Map.of("VERSION", folder.version(), "ACTIVATED_BY", "deployment", "SOURCE", "DEPLOYED"));
		assertThat(jdbc.queryForObject("select count(*) from rulebase_archive where version = ?", Integer.class,
				folder.version())).isEqualTo(1);
	}

	@Test
	void aKnownFolderYieldsToALaterActivationAndANewFolderWinsOverIt() {
		Instance first = start(folder);
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			first.archive.archive(reviewed);
			first.activations.activated(reviewed, "admin");
			// not before the activation is committed
			assertThat(first.active.rulebase().version()).isEqualTo(folder.version());
		});
		assertThat(first.active.rulebase().version()).isEqualTo(reviewed.version());

		// a restart with the same folder keeps the administrator's activation, rebuilt from the archive
		Instance restarted = start(folder);
		assertThat(restarted.active.rulebase().version()).isEqualTo(reviewed.version());
		assertThat(restarted.active.rulebase()).isNotSameAs(reviewed);
		assertThat(sources()).containsExactly("DEPLOYED", "ACTIVATED");

		// a folder never recorded is a new deployment: it is served, and the others follow at their sync
		Instance deployed = start(redeployed);
		assertThat(deployed.active.rulebase().version()).isEqualTo(redeployed.version());
		assertThat(sources()).containsExactly("DEPLOYED", "ACTIVATED", "DEPLOYED");
		first.activations.sync();
		restarted.activations.sync();
		assertThat(first.active.rulebase().version()).isEqualTo(redeployed.version());
		assertThat(restarted.active.rulebase().version()).isEqualTo(redeployed.version());

		// an instance still holding the first folder, restarted now, serves the latest too
		assertThat(start(folder).active.rulebase().version()).isEqualTo(redeployed.version());
		assertThat(sources()).hasSize(3);
	}

	@Test
	void aSyncSwitchesOnlyWhenANewerActivationIsRecorded() {
		Instance one = start(folder);
		Instance other = start(folder);
		other.activations.sync();
		assertThat(other.active.rulebase()).isSameAs(folder);

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			one.archive.archive(reviewed);
			one.activations.activated(reviewed, "admin");
		});
		assertThat(other.active.rulebase().version()).isEqualTo(folder.version());
		other.activations.sync();
		assertThat(other.active.rulebase().version()).isEqualTo(reviewed.version());
		// a sync on the activating instance finds nothing newer than what it serves
		one.activations.sync();
		assertThat(one.active.rulebase()).isSameAs(reviewed);
	}

	private List<String> sources() {
		return jdbc.queryForList("select source from rulebase_activation order by seq", String.class);
	}

	private Instance start(Rulebase rulesFolder) {
		Clock clock = Clock.systemUTC();
		ActiveRulebase active = new ActiveRulebase(rulesFolder);
		RulebaseArchive archive = new RulebaseArchive(jdbc, JsonMapper.builder().build(), clock, active);
		RulebaseActivations activations = new RulebaseActivations(jdbc, transactions, clock, archive, active,
				rulesFolder, new RulebaseProperties(Duration.ofSeconds(10)));
		activations.serveAtStart();
		return new Instance(active, archive, activations);
	}

	private static Rulebase withComment(String comment) {
		List<RuleFile> files = RuleFiles.fromFolder(TestRulebase.RULES)
			.stream()
			.map(file -> file.path().endsWith("lens/rate.drl") ? RuleFile.of(file.path(), file.text() + "\n" + comment + "\n")
					: file)
			.toList();
		return new RulebaseLoader().load(files);
	}

	private record Instance(ActiveRulebase active, RulebaseArchive archive, RulebaseActivations activations) {
	}

}
