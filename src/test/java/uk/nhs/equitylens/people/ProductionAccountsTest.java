package uk.nhs.equitylens.people;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.nhs.equitylens.EquityLensApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The prod profile: the first administrator comes from configuration, and the application refuses
 * to start while a demo account exists.
 */
class ProductionAccountsTest {

	@Test
	void prodTakesTheFirstAdminFromConfigurationAndRefusesDemoAccounts(@TempDir Path data) {
		String url = "--spring.datasource.url=jdbc:h2:file:" + data.resolve("lens").toAbsolutePath();

		assertThatThrownBy(() -> run("--spring.profiles.active=prod", url))
			.hasStackTraceContaining("there is no administrator");

		try (ConfigurableApplicationContext app = run("--spring.profiles.active=prod", url,
				"--equitylens.admin.username=first.admin", "--equitylens.admin.password=a-long-passphrase-1")) {
			PersonRepository people = app.getBean(PersonRepository.class);
			assertThat(people.findByUsername("first.admin")).hasValueSatisfying(p -> {
				assertThat(p.getRoles()).containsExactly(Role.ADMIN);
				assertThat(p.isDemo()).isFalse();
			});
			assertThat(people.existsByDemoTrue()).isFalse();
		}

		try (ConfigurableApplicationContext dev = run(url)) {
			assertThat(dev.getBean(PersonRepository.class).existsByDemoTrue()).isTrue();
		}
		assertThatThrownBy(() -> run("--spring.profiles.active=prod", url))
			.hasStackTraceContaining("demo account 'admin' exists");
	}

	private static ConfigurableApplicationContext run(String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--spring.main.banner-mode=off";
		System.arraycopy(args, 0, all, 2, args.length);
		return new SpringApplicationBuilder(EquityLensApplication.class).run(all);
	}

}
