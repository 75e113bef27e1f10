package uk.nhs.equitylens.people;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a sign-in attempt for a locked username before any password is checked: the sign-in
 * form is sent back to the sign-in page with the NHS error summary, HTTP Basic on the API gets 429
 * problem+json with {@code Retry-After}. The same answer whether or not the username exists. Sits
 * in a security filter chain just before the filter that would check the password; it is not a
 * servlet filter of its own.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	private static final BasicAuthenticationConverter BASIC_CREDENTIALS = new BasicAuthenticationConverter();

	/** Request attribute: the username being tried has failures on record (so a success must clear them). */
	static final String FAILURES_ON_RECORD = LoginThrottleFilter.class.getName() + ".failuresOnRecord";

	enum Mode {
		/** The sign-in form: {@code POST /login} with {@code username}. */
		FORM,
		/** HTTP Basic credentials on the API. */
		BASIC
	}

	private final LoginThrottle throttle;

	private final Mode mode;

	private final JsonMapper json;

	LoginThrottleFilter(LoginThrottle throttle, Mode mode, JsonMapper json) {
		this.throttle = throttle;
		this.mode = mode;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> username = mode == Mode.FORM ? formUsername(request) : basicUsername(request);
		if (username.isPresent()) {
			LoginThrottle.Check check = throttle.check(username.get());
			if (check.refusedFor().isPresent()) {
				refuse(request, response, check.refusedFor().get());
				return;
			}
			if (check.failuresOnRecord()) {
				request.setAttribute(FAILURES_ON_RECORD, Boolean.TRUE);
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Duration left) throws IOException {
		long minutes = minutes(left);
		if (mode == Mode.FORM) {
			response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes);
			return;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, message(minutes));
		problem.setTitle("Too many failed sign-in attempts");
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (left.toMillis() + 999) / 1000)));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

	/** Whole minutes, rounded up: "try again in 1 minute" while any of the lock is left. */
	static long minutes(Duration left) {
		return Math.max(1, (left.toSeconds() + 59) / 60);
	}

	static String message(long minutes) {
		return "Too many failed sign-in attempts. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
	}

	private static Optional<String> formUsername(HttpServletRequest request) {
		// the servlet path is decoded, as the sign-in filter matches it: /%6Cogin is /login too
		if (!"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath())) {
			return Optional.empty();
		}
		return Optional.ofNullable(request.getParameter("username"));
	}

	/**
	 * The username of Basic credentials, read by the same converter the Basic filter uses, so that no
	 * spelling of the header it accepts escapes the throttle; malformed credentials are left to it.
	 */
	private static Optional<String> basicUsername(HttpServletRequest request) {
		try {
			UsernamePasswordAuthenticationToken credentials = BASIC_CREDENTIALS.convert(request);
			return credentials == null ? Optional.empty() : Optional.ofNullable(credentials.getName());
		}
		catch (AuthenticationException ex) {
			return Optional.empty();
		}
	}

}
