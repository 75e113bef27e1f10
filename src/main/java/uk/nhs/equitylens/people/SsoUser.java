package uk.nhs.equitylens.people;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Someone signed in through single sign-on (OIDC), with their Equity Lens roles and boards. */
record SsoUser(OidcUser oidc, LensUser lensUser) implements OidcUser {

	@Override
	public Map<String, Object> getClaims() {
		return oidc.getClaims();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return oidc.getUserInfo();
	}

	@Override
	public OidcIdToken getIdToken() {
		return oidc.getIdToken();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return oidc.getAttributes();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return lensUser.getAuthorities();
	}

	@Override
	public String getName() {
		return lensUser.username();
	}

}
