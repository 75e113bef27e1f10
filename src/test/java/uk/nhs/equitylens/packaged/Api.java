package uk.nhs.equitylens.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** HTTP Basic calls to a {@link PackagedApp}, as the demo accounts (password {@code demo}). */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final PackagedApp app;

	private final HttpClient http;

	private final Duration timeout;

	Api(PackagedApp app, Duration timeout) {
		this.app = app;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	Response get(String user, String path) throws IOException, InterruptedException {
		return send(user, "GET", path, null);
	}

	Response post(String user, String path, String json) throws IOException, InterruptedException {
		return send(user, "POST", path, json);
	}

	Response send(String user, String method, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path))
			.timeout(timeout)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		long started = System.nanoTime();
		HttpResponse<byte[]> response = http.send(request.build(), BodyHandlers.ofByteArray());
		return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), (System.nanoTime() - started) / 1_000_000.0);
	}

	/** The spec's example proposal document, with another title and (optionally) board. */
	static ObjectNode example(String title) {
		try (InputStream in = Api.class.getResourceAsStream("/proposals/spec-example.json")) {
			ObjectNode document = (ObjectNode) JSON.readTree(in);
			document.put("title", title);
			return document;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Response(int status, String contentType, byte[] bytes, double millis) {

		String body() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

		JsonNode json() {
			return JSON.readTree(bytes);
		}

		@Override
		public String toString() {
			String body = body();
			return status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
		}

	}

}
