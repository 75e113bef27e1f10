package uk.nhs.equitylens.people;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several instances starting together on an empty database would each find no demo accounts (or no
 * administrator) and each create them; the second insert breaks the unique username and that
 * instance fails to start. Creating accounts at start therefore runs in one transaction holding the
 * {@code accounts} row of {@code app_lock}: the instances take turns, and the later ones find what
 * the first created.
 */
@Component
class AccountsLock {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	AccountsLock(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	void holding(Runnable work) {
		transaction.executeWithoutResult(status -> {
			jdbc.queryForList("select name from app_lock where name = 'accounts' for update", String.class);
			work.run();
		});
	}

}
