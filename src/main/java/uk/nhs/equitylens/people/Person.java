package uk.nhs.equitylens.people;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.nhs.equitylens.system.AssignedIdEntity;

/** Someone who uses Equity Lens: their roles and the programme boards they belong to. */
@Entity
@Table(name = "app_user")
public class Person extends AssignedIdEntity {

	@Id
	private UUID id;

	private String username;

	private String displayName;

	private String password;

	private boolean enabled;

	private boolean demo;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_board", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "board")
	private Set<String> boards = new TreeSet<>();

	@Version
	private long version;

	private Instant createdAt;

	protected Person() {
	}

	public Person(String username, String displayName, String passwordHash, Set<Role> roles, Set<String> boards,
			boolean demo, Instant now) {
		this.id = UUID.randomUUID();
		this.username = username;
		this.displayName = displayName;
		this.password = passwordHash;
		this.enabled = true;
		this.demo = demo;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.boards = new TreeSet<>(boards);
		this.createdAt = now;
	}

	void change(String displayName, Set<Role> roles, Set<String> boards, boolean enabled) {
		this.displayName = displayName;
		this.roles.clear();
		this.roles.addAll(roles);
		this.boards.clear();
		this.boards.addAll(boards);
		this.enabled = enabled;
	}

	void changePassword(String passwordHash) {
		this.password = passwordHash;
		this.demo = false;
	}

	@Override
	public UUID getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public String getPassword() {
		return password;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public boolean isDemo() {
		return demo;
	}

	public Set<Role> getRoles() {
		return Set.copyOf(roles);
	}

	public Set<String> getBoards() {
		return Set.copyOf(boards);
	}

	public long getVersion() {
		return version;
	}

}
