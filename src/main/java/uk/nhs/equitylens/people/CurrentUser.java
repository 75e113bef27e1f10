package uk.nhs.equitylens.people;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person making the current request. */
public final class CurrentUser {

	private CurrentUser() {
	}

	/**
	 * The current user when they have one of {@code roles}; otherwise {@code AccessDeniedException}
	 * with {@code why}, which the API answers as 403 problem+json and the pages as a 403 page.
	 */
	public static LensUser require(String why, Role... roles) {
		LensUser user = get();
		for (Role role : roles) {
			if (user.has(role)) {
				return user;
			}
		}
		throw new AccessDeniedException(why);
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
