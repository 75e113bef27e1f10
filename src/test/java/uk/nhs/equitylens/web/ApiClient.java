package uk.nhs.equitylens.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON API as a script calls it, for tests against a running test app: HTTP Basic as one of the
 * demo accounts (password {@code demo}), and the complete, submittable spec example to start from.
 */
public final class ApiClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final JsonMapper json;

	public ApiClient(int port, JsonMapper json) {
		this.base = "http://localhost:" + port;
		this.json = json;
	}

	/**
	 * {@code proposal-example.json}: complete, so it can be submitted; its rating is HIGH and its
	 * assurance WEAK. Without its areas: the test context's database is shared by every test class,
	 * and the example's many submissions in the same areas would add cumulative pressure to each other.
	 */
	public ObjectNode example(String title) {
		try (InputStream in = ApiClient.class.getResourceAsStream("/proposals/proposal-example.json")) {
			ObjectNode document = (ObjectNode) json.readTree(in);
			document.put("title", title);
			((ObjectNode) document.get("population")).remove("areas");
			return document;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Creates and submits {@code document} as the demo ambassador; the assessment as the API returns it. */
	public JsonNode submit(ObjectNode document) throws Exception {
		HttpResponse<String> response = send("ambassador", "POST", "/api/assessments?submit=true", document.toString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Submitting failed with " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

	public HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		if (body == null) {
			request.method(method, BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(body));
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}

	public JsonNode get(String user, String path) throws Exception {
		HttpResponse<String> response = send(user, "GET", path, null);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " gave " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

}
