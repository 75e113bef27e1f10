package uk.nhs.equitylens.people;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what. {@code /api/**} takes HTTP Basic (scripts) or the browser's session and
 * answers 401/403 as problem+json; pages use form login (or single sign-on when
 * {@code spring.security.oauth2.client.*} is configured) with CSRF protection. What a person may do
 * with a particular assessment (their boards, their drafts) is checked where it is done, in the
 * services.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String[] PUBLIC = { "/login", "/error", "/about", "/nhsuk/**", "/css/**", "/js/**", "/assets/**",
			"/favicon.ico", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
			"/swagger-ui.html", "/swagger-ui/**" };

	/**
	 * bcrypt (the delegating encoder's default), with successful checks remembered for
	 * {@code equitylens.security.remember-verified-password} (default five minutes, {@code 0s} turns it
	 * off) so that scripts sending HTTP Basic with every request are not each charged a bcrypt check.
	 */
	@Bean
	PasswordEncoder passwordEncoder(
			@Value("${equitylens.security.remember-verified-password:5m}") Duration remember) {
		return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), remember,
				Clock.systemUTC());
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, JsonMapper json, LoginThrottle throttle) throws Exception {
		http.securityMatcher("/api/**")
			.headers(SecurityHeaders.with(SecurityHeaders.POLICY))
			.addFilterBefore(new LoginThrottleFilter(throttle, LoginThrottleFilter.Mode.BASIC, json),
					BasicAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/assessments/evaluate")
				.hasAnyRole(Role.AMBASSADOR.name(), Role.BOARD_MEMBER.name(), Role.GOVERNANCE.name())
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(
					(request, response, ex) -> problem(response, json, HttpStatus.UNAUTHORIZED, "Sign in required",
							"Send HTTP Basic credentials, or sign in in the browser first.", true)))
			// the API keeps nothing in an HTTP session: a Basic request is authenticated on its own (no session
			// created, no cookie, no affinity to one instance behind a load balancer); the browser's existing
			// session from the sign-in page is still honoured
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			// a request without a session cookie (scripts with Basic, or anonymous) has nothing to forge; the
			// browser's session does, so its requests need the CSRF token
			.csrf(csrf -> csrf.ignoringRequestMatchers(
					request -> request.getHeader("Authorization") != null || request.getRequestedSessionId() == null))
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(response, json, HttpStatus.UNAUTHORIZED,
						"Sign in required", "Send HTTP Basic credentials, or sign in in the browser first.", true))
				.accessDeniedHandler((request, response, ex) -> problem(response, json, HttpStatus.FORBIDDEN,
						"Not allowed", "Your role does not allow this request (or its CSRF token is missing).", false)));
		return http.build();
	}

	/**
	 * Actuator metrics, when an operator exposes them ({@code management.endpoints.web.exposure.include};
	 * application.yaml exposes only health and info): HTTP Basic, for governance and administrators
	 * only, so that monitoring (and the load tests) can read the connection pool and the JVM.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain metrics(HttpSecurity http, JsonMapper json, LoginThrottle throttle) throws Exception {
		http.securityMatcher("/actuator/metrics", "/actuator/metrics/**")
			.headers(SecurityHeaders.with(SecurityHeaders.POLICY))
			.addFilterBefore(new LoginThrottleFilter(throttle, LoginThrottleFilter.Mode.BASIC, json),
					BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.authorizeHttpRequests(requests -> requests.anyRequest()
				.hasAnyRole(Role.GOVERNANCE.name(), Role.ADMIN.name()))
			.httpBasic(basic -> basic.authenticationEntryPoint(
					(request, response, ex) -> problem(response, json, HttpStatus.UNAUTHORIZED, "Sign in required",
							"Send HTTP Basic credentials of a governance or admin account.", true)))
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, ex) -> problem(response, json,
					HttpStatus.FORBIDDEN, "Not allowed", "Metrics are for governance and administrators.", false)));
		return http.build();
	}

	/** Swagger UI: public, read-only, with its own content security policy (see {@link SecurityHeaders}). */
	@Bean
	@Order(2)
	SecurityFilterChain swaggerUi(HttpSecurity http) throws Exception {
		http.securityMatcher("/swagger-ui/**", "/swagger-ui.html")
			.headers(SecurityHeaders.with(SecurityHeaders.SWAGGER_UI_POLICY))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> sso,
			PersonRepository people, @Value("${equitylens.sso.roles-claim:roles}") String rolesClaim,
			@Value("${equitylens.sso.boards-claim:boards}") String boardsClaim, LoginThrottle throttle,
			JsonMapper json) throws Exception {
		http.headers(SecurityHeaders.with(SecurityHeaders.POLICY))
			// a new session id at sign-in, so an id planted before sign-in is worthless after it
			.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
			.addFilterBefore(new LoginThrottleFilter(throttle, LoginThrottleFilter.Mode.FORM, json),
					UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC)
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/assessments/new")
			.hasRole(Role.AMBASSADOR.name())
			.requestMatchers("/governance", "/governance/**")
			.hasAnyRole(Role.GOVERNANCE.name(), Role.ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?signedout"));
		if (sso.getIfAvailable() != null) {
			SsoUsers users = new SsoUsers(people, rolesClaim, boardsClaim);
			http.oauth2Login(oauth -> oauth.loginPage("/login").userInfoEndpoint(info -> info.oidcUserService(users)));
		}
		return http.build();
	}

	private static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String title,
			String detail, boolean challenge) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		response.setStatus(status.value());
		if (challenge) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Equity Lens\"");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
