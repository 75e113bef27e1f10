package uk.nhs.equitylens.people;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security headers on every response, pages and API alike: a content security policy that
 * allows no inline script or style, {@code X-Content-Type-Options: nosniff}, a referrer policy that
 * sends no path to other sites, and {@code X-Frame-Options: DENY} (with {@code frame-ancestors
 * 'none'} for browsers that read the policy instead).
 */
final class SecurityHeaders {

	/**
	 * The pages and the API. Fonts also from {@code https://assets.nhs.uk}: the NHS.UK frontend
	 * stylesheet loads the Frutiger web fonts from there (its {@code @font-face} rules). Everything
	 * else, scripts and styles included, comes from this site only; no inline script, no inline
	 * style, no plug-ins, no framing, and forms post only here.
	 */
	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
			+ "font-src 'self' https://assets.nhs.uk; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * Swagger UI ({@code /swagger-ui/**}): scripts stay as strict (its page and start-up script are
	 * files, so no inline script is needed), but its bundle injects a style element at run time
	 * (Chromium blocks it under {@code style-src 'self'}), so inline style is allowed here and nowhere
	 * else; and its stylesheet draws its icons as {@code data:} images. Inline style cannot run script.
	 */
	static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private SecurityHeaders() {
	}

	static Customizer<HeadersConfigurer<HttpSecurity>> with(String policy) {
		return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
			.contentTypeOptions(Customizer.withDefaults())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(frames -> frames.deny());
	}

}
