package uk.nhs.equitylens.people;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Maps a single sign-on identity to an Equity Lens user: roles from a claim of the identity
 * provider ({@code equitylens.sso.roles-claim}, values AMBASSADOR, BOARD_MEMBER, GOVERNANCE,
 * ADMIN), boards from the person's record here when they have one, else from the
 * {@code equitylens.sso.boards-claim} claim.
 */
class SsoUsers extends OidcUserService {

	private final PersonRepository people;

	private final String rolesClaim;

	private final String boardsClaim;

	SsoUsers(PersonRepository people, String rolesClaim, String boardsClaim) {
		this.people = people;
		this.rolesClaim = rolesClaim;
		this.boardsClaim = boardsClaim;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		return map(super.loadUser(request));
	}

	SsoUser map(OidcUser oidc) {
		String username = oidc.getPreferredUsername() != null ? oidc.getPreferredUsername()
				: oidc.getEmail() != null ? oidc.getEmail() : oidc.getSubject();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String value : strings(oidc.getClaims().get(rolesClaim))) {
			for (Role role : Role.values()) {
				if (role.name().equalsIgnoreCase(value)) {
					roles.add(role);
				}
			}
		}
		Set<String> boards = people.findByUsername(username)
			.map(Person::getBoards)
			.orElseGet(() -> new LinkedHashSet<>(strings(oidc.getClaims().get(boardsClaim))));
		String name = oidc.getFullName() != null ? oidc.getFullName() : username;
		return new SsoUser(oidc, new LensUser(username, name, null, true, roles, boards));
	}

	private static Collection<String> strings(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String value) {
			return java.util.Arrays.stream(value.split("[ ,]+")).filter(v -> !v.isBlank()).toList();
		}
		return java.util.List.of();
	}

}
