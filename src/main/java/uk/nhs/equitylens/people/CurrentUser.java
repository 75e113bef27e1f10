package uk.nhs.equitylens.people;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person making the current request. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static LensUser get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof LensUser user) {
			return user;
		}
		if (authentication != null && authentication.getPrincipal() instanceof SsoUser sso) {
			return sso.lensUser();
		}
		throw new InsufficientAuthenticationException("Sign in first");
	}

}
