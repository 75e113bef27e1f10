package uk.nhs.equitylens.people;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Counts sign-in outcomes for the {@link LoginThrottle}: every wrong password or unknown username
 * (form or HTTP Basic) is a failure; a success clears the failures, writing to the database only when
 * there are failures to clear (an API script signs in with every request; the throttle's check before
 * it is still one read per request).
 */
@Component
class LoginAttempts {

	private final LoginThrottle throttle;

	LoginAttempts(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		throttle.failed(event.getAuthentication().getName());
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null || request.getAttribute(LoginThrottleFilter.FAILURES_ON_RECORD,
				RequestAttributes.SCOPE_REQUEST) != null) {
			throttle.succeeded(event.getAuthentication().getName());
		}
	}

}
