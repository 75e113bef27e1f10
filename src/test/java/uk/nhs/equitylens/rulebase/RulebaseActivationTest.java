package uk.nhs.equitylens.rulebase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading and activating a rulebase: a candidate must compile and pass every scenario, otherwise it
 * is rejected with its errors and the active rulebase keeps serving; unsafe uploads are refused;
 * activation is for administrators and is audited.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RulebaseActivationTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aBrokenOrFailingCandidateIsRejectedAndAGoodOneActivatedByAnAdministrator(@TempDir Path temp) throws Exception {
		String serving = activeVersion();

		Path broken = copyRules(temp.resolve("broken"));
		Files.writeString(broken.resolve("lens/broken.drl"), "package lens;\n\nrule \"Broken\"\nwhen\n\tNoSuchFact()\nthen\nend\n");
		HttpResponse<String> rejected = post("admin", "/api/rulebase/candidates", folder(broken), "application/json");
		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat(rejected.body()).contains("lens/broken.drl [line 5]", "NoSuchFact");

		Path failing = copyRules(temp.resolve("failing"));
		replace(failing.resolve("policy/severity.csv"), "HIGH,10,", "HIGH,7,");
		HttpResponse<String> failed = post("admin", "/api/rulebase/candidates", folder(failing), "application/json");
		assertThat(failed.statusCode()).isEqualTo(422);
		assertThat(json.readTree(failed.body()).get("errors").toString()).contains("01-spec-example.yaml");
		assertThat(activeVersion()).isEqualTo(serving);

		Path good = copyRules(temp.resolve("good"));
		replace(good.resolve("lens/rate.drl"), "// Rating: harm findings", "// Reviewed 2026. Rating: harm findings");
		HttpResponse<String> checked = post("governance", "/api/rulebase/candidates", folder(good), "application/json");
		assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);
		JsonNode candidate = json.readTree(checked.body());
		String version = candidate.get("version").asString();
		assertThat(version).isNotEqualTo(serving);
		try (java.util.stream.Stream<Path> scenarios = Files.list(Path.of("rules", "scenarios"))) {
			assertThat(candidate.get("scenarios").asInt()).as("every scenario of the release was run")
				.isEqualTo((int) scenarios.filter(p -> p.toString().endsWith(".yaml")).count());
		}

		assertThat(post("governance", "/api/rulebase/candidates/" + version + "/activate", "", "application/json")
			.statusCode()).isEqualTo(403);
		HttpResponse<String> activated = post("admin", "/api/rulebase/candidates/" + version + "/activate", "",
				"application/json");
		assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
		assertThat(activeVersion()).isEqualTo(version);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'RULEBASE_ACTIVATED' and rulebase_version = ?",
				Integer.class, version)).isEqualTo(1);

		String original = json.readTree(post("admin", "/api/rulebase/candidates", folder(Path.of("rules")),
				"application/json").body()).get("version").asString();
		assertThat(post("admin", "/api/rulebase/candidates/" + original + "/activate", "", "application/json").statusCode())
			.isEqualTo(200);
		assertThat(activeVersion()).isEqualTo(serving);
	}

	@Test
	void unsafeUploadsAreRefused() throws Exception {
		HttpResponse<String> traversal = postBytes("/api/rulebase/candidates", zip("../../etc/lens.drl", "package lens;".getBytes()));
		assertThat(traversal.statusCode()).isEqualTo(422);
		assertThat(traversal.body()).contains("points outside the rulebase");

		byte[] zeros = new byte[50 * 1024 * 1024];
		byte[] bomb = zip("lens/bomb.drl", zeros);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		HttpResponse<String> exploded = postBytes("/api/rulebase/candidates", bomb);
		assertThat(exploded.statusCode()).isEqualTo(422);
		assertThat(exploded.body()).contains("unpacks to more than");

		HttpResponse<String> notAZip = postBytes("/api/rulebase/candidates", "hello".getBytes());
		assertThat(notAZip.statusCode()).isEqualTo(422);
		assertThat(postBytes("/api/rulebase/candidates", zip("README.txt", "no rules".getBytes())).body())
			.contains("no .drl files");
	}

	private String activeVersion() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rulebase"))
			.header("Authorization", basic("governance"))
			.build(), BodyHandlers.ofString());
		return json.readTree(response.body()).get("version").asString();
	}

	private String folder(Path path) {
		return json.createObjectNode().put("folder", path.toAbsolutePath().toString()).toString();
	}

	private HttpResponse<String> post(String user, String path, String body, String type) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", basic(user))
			.header("Content-Type", type)
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> postBytes(String path, byte[] body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", basic("admin"))
			.header("Content-Type", "application/zip")
			.POST(BodyPublishers.ofByteArray(body))
			.build(), BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] zip(String name, byte[] content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			out.putNextEntry(new ZipEntry(name));
			out.write(content);
			out.closeEntry();
		}
		return bytes.toByteArray();
	}

	private static Path copyRules(Path target) throws IOException {
		Path source = Path.of("rules");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path to = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(file, to);
				}
			}
		}
		return target;
	}

	private static void replace(Path file, String from, String to) throws IOException {
		String text = Files.readString(file);
		assertThat(text).contains(from);
		Files.writeString(file, text.replace(from, to));
	}

}
