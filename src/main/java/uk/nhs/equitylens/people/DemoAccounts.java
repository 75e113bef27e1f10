package uk.nhs.equitylens.people;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Development only: on first run, one clearly labelled demo account per journey, each with the
 * password {@code demo} (listed in the README). Off in the {@code prod} profile, which refuses to
 * start while any of them exists.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "equitylens.demo-accounts", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	static final String PASSWORD = "demo";

	private final People people;

	private final AccountsLock lock;

	DemoAccounts(People people, AccountsLock lock) {
		this.people = people;
		this.lock = lock;
	}

	@Override
	public void run(ApplicationArguments args) {
		lock.holding(this::createMissing);
	}

	private void createMissing() {
		create("ambassador", "Demo ambassador", EnumSet.of(Role.AMBASSADOR), Set.of("PLANNED_CARE", "DIGITAL"));
		create("board.member", "Demo board member", EnumSet.of(Role.BOARD_MEMBER), Set.of("PLANNED_CARE"));
		create("other.board", "Demo member of another board", EnumSet.of(Role.BOARD_MEMBER), Set.of("MENTAL_HEALTH"));
		create("governance", "Demo governance analyst", EnumSet.of(Role.GOVERNANCE), Set.of());
		create("admin", "Demo administrator", EnumSet.of(Role.ADMIN), Set.of());
	}

	private void create(String username, String name, Set<Role> roles, Set<String> boards) {
		if (!people.exists(username)) {
			people.create(username, name, PASSWORD, roles, boards, true);
			log.warn("Created DEMO account '{}' (password '{}'): for development only", username, PASSWORD);
		}
	}

}
