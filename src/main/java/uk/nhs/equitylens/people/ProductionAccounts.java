package uk.nhs.equitylens.people;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The {@code prod} profile refuses to start while a demo account or a default password exists, and
 * creates the first administrator from configuration ({@code equitylens.admin.username},
 * {@code equitylens.admin.password}) when there is none.
 */
@Component
@Profile("prod")
@Order(0)
class ProductionAccounts implements ApplicationRunner {

	private final PersonRepository repository;

	private final People people;

	private final PasswordEncoder passwords;

	private final String adminUsername;

	private final String adminPassword;

	private final AccountsLock lock;

	ProductionAccounts(PersonRepository repository, People people, PasswordEncoder passwords, AccountsLock lock,
			@Value("${equitylens.admin.username:}") String adminUsername,
			@Value("${equitylens.admin.password:}") String adminPassword) {
		this.repository = repository;
		this.people = people;
		this.passwords = passwords;
		this.adminUsername = adminUsername;
		this.adminPassword = adminPassword;
		this.lock = lock;
	}

	/** Under the accounts lock: instances starting together create the first administrator once. */
	@Override
	public void run(ApplicationArguments args) {
		lock.holding(this::check);
	}

	private void check() {
		List<String> problems = new ArrayList<>();
		for (Person person : repository.findAll()) {
			if (person.isDemo()) {
				problems.add("demo account '" + person.getUsername() + "' exists");
			}
			else if (person.getPassword() != null && passwords.matches(DemoAccounts.PASSWORD, person.getPassword())) {
				problems.add("account '" + person.getUsername() + "' has the default password");
			}
		}
		boolean hasAdmin = repository.findAll().stream().anyMatch(p -> p.getRoles().contains(Role.ADMIN) && p.isEnabled());
		if (!hasAdmin) {
			if (adminUsername.isBlank() || adminPassword.length() < 12 || adminPassword.equals(DemoAccounts.PASSWORD)) {
				problems.add("there is no administrator: set equitylens.admin.username and equitylens.admin.password "
						+ "(at least 12 characters) for the first one");
			}
			else {
				people.create(adminUsername, "Administrator", adminPassword, EnumSet.of(Role.ADMIN), Set.of(), false);
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The prod profile will not start: " + String.join("; ", problems)
					+ ". Remove demo accounts and default passwords (admin page) before running in production.");
		}
	}

}
