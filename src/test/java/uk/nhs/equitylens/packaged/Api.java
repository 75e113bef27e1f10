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
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final PackagedApp app;

	private final HttpClient http;

	private final Duration timeout;

	public Api(PackagedApp app, Duration timeout) {
		this.app = app;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public Response get(String user, String path) throws IOException, InterruptedException {
		return send(user, "GET", path, null);
	}

	public Response post(String user, String path, String json) throws IOException, InterruptedException {
		return send(user, "POST", path, json);
	}

	public Response send(String user, String method, String path, String json) throws IOException, InterruptedException {
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
	public static ObjectNode example(String title) {
		try (InputStream in = Api.class.getResourceAsStream("/proposals/proposal-example.json")) {
			ObjectNode document = (ObjectNode) JSON.readTree(in);
			document.put("title", title);
			return document;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public record Response(int status, String contentType, byte[] bytes, double millis) {

		public String body() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(bytes);
		}

		/** This response, when its status is the one expected; otherwise an exception with the body. */
		public Response expect(int expected) {
			if (status != expected) {
				throw new IllegalStateException("Expected " + expected + ", got " + this);
			}
			return this;
		}

		@Override
		public String toString() {
			String body = body();
			return status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
		}

	}

}
