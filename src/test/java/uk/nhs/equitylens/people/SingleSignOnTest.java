package uk.nhs.equitylens.people;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on with the standard {@code spring.security.oauth2.client.*} properties, against a
 * mocked OIDC issuer (a real one, such as an NHS Entra ID tenant, cannot run here): discovery, the
 * authorization code flow, a signed ID token, and roles and boards mapped from its claims.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SingleSignOnTest {

	static final MockIssuer ISSUER = MockIssuer.start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void sso(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.client.registration.sso.client-id", () -> "equity-lens");
		registry.add("spring.security.oauth2.client.registration.sso.client-secret", () -> "secret");
		registry.add("spring.security.oauth2.client.registration.sso.scope", () -> "openid");
		registry.add("spring.security.oauth2.client.provider.sso.issuer-uri", ISSUER::url);
	}

	@AfterAll
	static void stop() {
		ISSUER.server.stop(0);
	}

	@Test
	void anAmbassadorSignsInThroughTheIssuerWithRolesFromTheToken() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.ALWAYS)
			.build();

		String login = browser.send(get("/login"), BodyHandlers.ofString()).body();
		assertThat(login).contains("Sign in with your NHS account (single sign-on)");

		HttpResponse<String> home = browser.send(get("/oauth2/authorization/sso"), BodyHandlers.ofString());

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.uri().getPath()).isEqualTo("/");
		assertThat(home.body()).contains("sso.ambassador", "Start a new assessment");
		assertThat(ISSUER.tokensIssued).isEqualTo(1);
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
	}

	/** A minimal OIDC issuer: discovery, authorize (immediately approves), token, JWKS. */
	static final class MockIssuer {

		final HttpServer server;

		final RSAKey key;

		final Map<String, String> nonces = new HashMap<>();

		volatile int tokensIssued;

		private MockIssuer(HttpServer server, RSAKey key) {
			this.server = server;
			this.key = key;
		}

		static MockIssuer start() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
				MockIssuer issuer = new MockIssuer(server, new RSAKeyGenerator(2048).keyID("test").generate());
				server.createContext("/.well-known/openid-configuration", issuer::discovery);
				server.createContext("/authorize", issuer::authorize);
				server.createContext("/token", issuer::token);
				server.createContext("/jwks", issuer::jwks);
				server.start();
				return issuer;
			}
			catch (Exception ex) {
				throw new IllegalStateException("The mock issuer did not start", ex);
			}
		}

		String url() {
			return "http://localhost:" + server.getAddress().getPort();
		}

		void discovery(HttpExchange exchange) throws IOException {
			respond(exchange, 200, """
					{"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
					 "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
					 "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid"]}
					""".formatted(url()));
		}

		void authorize(HttpExchange exchange) throws IOException {
			Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
			String code = UUID.randomUUID().toString();
			nonces.put(code, query.get("nonce"));
			exchange.getResponseHeaders().add("Location",
					query.get("redirect_uri") + "?code=" + code + "&state=" + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		}

		void token(HttpExchange exchange) throws IOException {
			Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			String nonce = nonces.remove(form.get("code"));
			try {
				JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(url())
					.subject("user-123")
					.audience("equity-lens")
					.issueTime(new Date())
					.expirationTime(new Date(System.currentTimeMillis() + 300_000))
					.claim("nonce", nonce)
					.claim("preferred_username", "sso.ambassador")
					.claim("name", "Single sign-on ambassador")
					.claim("roles", List.of("AMBASSADOR"))
					.claim("boards", List.of("DIGITAL"))
					.build();
				SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
				token.sign(new RSASSASigner(key));
				tokensIssued++;
				respond(exchange, 200, """
						{"access_token": "access-%s", "token_type": "Bearer", "expires_in": 300, "scope": "openid", "id_token": "%s"}
						""".formatted(UUID.randomUUID(), token.serialize()));
			}
			catch (Exception ex) {
				respond(exchange, 500, "{\"error\": \"server_error\"}");
			}
		}

		void jwks(HttpExchange exchange) throws IOException {
			respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
		}

		private static void respond(HttpExchange exchange, int status, String json) throws IOException {
			byte[] body = json.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		}

		private static Map<String, String> parse(String query) {
			Map<String, String> values = new HashMap<>();
			if (query == null) {
				return values;
			}
			for (String pair : query.split("&")) {
				int at = pair.indexOf('=');
				if (at > 0) {
					values.put(URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
				}
			}
			return values;
		}

	}

}
