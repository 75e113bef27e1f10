package uk.nhs.equitylens.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like session over plain HTTP for page tests: signs in through the login form, keeps
 * the session cookie, and sends the CSRF token that the pages carry with every form post.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http;

	private final String base;

	private String csrf;

	private WebSession(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/** Signs in as {@code username} with {@code password}; fails if sign-in does not succeed. */
	public static WebSession signIn(int port, String username, String password) throws Exception {
		WebSession session = new WebSession("http://localhost:" + port);
		session.get("/login");
		HttpResponse<String> home = session.post("/login", Map.of("username", username, "password", password));
		if (home.uri().getPath().startsWith("/login")) {
			throw new IllegalStateException("Could not sign in as " + username);
		}
		return session;
	}

	/** A session that has not signed in. */
	public static WebSession anonymous(int port) {
		return new WebSession("http://localhost:" + port);
	}

	public HttpResponse<String> get(String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
				BodyHandlers.ofString());
		remember(response);
		return response;
	}

	/** Posts a form with the session's CSRF token. */
	public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (csrf != null) {
			fields.putIfAbsent("_csrf", csrf);
		}
		return postRaw(path, fields);
	}

	/** Posts a form exactly as given (no CSRF token added). */
	public HttpResponse<String> postRaw(String path, Map<String, String> fields) throws Exception {
		String body = fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
		remember(response);
		return response;
	}

	private void remember(HttpResponse<String> response) {
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			csrf = token.group(1);
		}
	}

}
