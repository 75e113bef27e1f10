package uk.nhs.equitylens.people;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the application sees them: name, roles and programme boards. What they
 * may do with an assessment is decided from these ({@link #mayEdit}, {@link #mayRead},
 * {@link #mayDecide}).
 */
public record LensUser(String username, String displayName, String passwordHash, boolean enabled, Set<Role> roles,
		Set<String> boards) implements UserDetails {

	public LensUser {
		roles = Set.copyOf(roles);
		boards = Set.copyOf(boards);
	}

	static LensUser of(Person person) {
		return new LensUser(person.getUsername(), person.getDisplayName(), person.getPassword(), person.isEnabled(),
				person.getRoles(), person.getBoards());
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isAmbassadorFor(String board) {
		return has(Role.AMBASSADOR) && boards.contains(board);
	}

	public boolean isMemberOf(String board) {
		return has(Role.BOARD_MEMBER) && boards.contains(board);
	}

	/** Create or edit: an ambassador of the board, and for an existing assessment its creator. */
	public boolean mayEdit(String board, String createdBy) {
		return isAmbassadorFor(board) && (createdBy == null || createdBy.equals(username));
	}

	/** Read: governance, or an ambassador or member of the assessment's board. */
	public boolean mayRead(String board, String createdBy) {
		return has(Role.GOVERNANCE) || boards.contains(board) && (has(Role.AMBASSADOR) || has(Role.BOARD_MEMBER))
				|| username.equals(createdBy);
	}

	/** Decide: a member of the assessment's board. */
	public boolean mayDecide(String board) {
		return isMemberOf(board);
	}

	/** Boards whose assessments this person may list; empty means all (governance). */
	public Set<String> visibleBoards() {
		return has(Role.GOVERNANCE) ? Set.of() : boards;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public String toString() {
		return "LensUser[" + username + ", " + roles + ", " + boards + "]";
	}

	/** Roles in a stable order, for pages. */
	public List<Role> roleList() {
		return roles.stream().sorted().toList();
	}

}
