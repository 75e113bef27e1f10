package uk.nhs.equitylens.people;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.equitylens.proposal.InvalidProposalException;
import uk.nhs.equitylens.proposal.Violation;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/** The people who use Equity Lens: signing in, and the admin's management of accounts. */
@Service
@Transactional
public class People implements UserDetailsService {

	private final PersonRepository repository;

	private final PasswordEncoder passwords;

	private final Vocabulary vocabulary;

	private final Clock clock;

	People(PersonRepository repository, PasswordEncoder passwords, Vocabulary vocabulary, Clock clock) {
		this.repository = repository;
		this.passwords = passwords;
		this.vocabulary = vocabulary;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return repository.findByUsername(username)
			.map(LensUser::of)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@Transactional(readOnly = true)
	public List<Person> all() {
		return repository.findAllByOrderByUsername();
	}

	@Transactional(readOnly = true)
	public Person get(UUID id) {
		return repository.findById(id).orElseThrow(() -> new InvalidProposalException(
				List.of(new Violation("id", "there is no such person"))));
	}

	/** A new account; the password is hashed with the delegating encoder. */
	public Person create(String username, String displayName, String password, Set<Role> roles, Set<String> boards,
			boolean demo) {
		check(username, displayName, password, roles, boards, true);
		return repository.save(new Person(username.strip(), displayName.strip(), passwords.encode(password), roles, boards,
				demo, clock.instant()));
	}

	public Person change(UUID id, String displayName, Set<Role> roles, Set<String> boards, boolean enabled,
			String newPassword) {
		Person person = get(id);
		check(person.getUsername(), displayName, newPassword, roles, boards, false);
		person.change(displayName.strip(), roles, boards, enabled);
		if (newPassword != null && !newPassword.isBlank()) {
			person.changePassword(passwords.encode(newPassword));
		}
		return person;
	}

	public boolean exists(String username) {
		return repository.existsByUsername(username);
	}

	private void check(String username, String displayName, String password, Set<Role> roles, Set<String> boards,
			boolean creating) {
		List<Violation> problems = new java.util.ArrayList<>();
		if (username == null || !username.strip().matches("[A-Za-z0-9._@-]{2,100}")) {
			problems.add(new Violation("username", "use 2 to 100 letters, digits, dots, hyphens, underscores or @"));
		}
		else if (creating && repository.existsByUsername(username.strip())) {
			problems.add(new Violation("username", "'" + username.strip() + "' is already taken"));
		}
		if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
			problems.add(new Violation("displayName", "is required (up to 200 characters)"));
		}
		if (creating && (password == null || password.length() < 4)) {
			problems.add(new Violation("password", "is required (at least 4 characters; use a long passphrase)"));
		}
		if (roles.isEmpty()) {
			problems.add(new Violation("roles", "choose at least one role"));
		}
		for (String board : boards) {
			if (!vocabulary.boards().containsKey(board)) {
				problems.add(new Violation("boards", "'" + board + "' is not a programme board"));
			}
		}
		if ((roles.contains(Role.AMBASSADOR) || roles.contains(Role.BOARD_MEMBER)) && boards.isEmpty()) {
			problems.add(new Violation("boards", "ambassadors and board members belong to at least one board"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidProposalException(problems);
		}
	}

}
