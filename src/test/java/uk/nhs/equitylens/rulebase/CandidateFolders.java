package uk.nhs.equitylens.rulebase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Candidate rulebase folders for tests: the project's rules and policy tables with one text changed,
 * and the one scenario (the spec example, rated HIGH or SEVERE) that the candidate brings with it.
 */
public final class CandidateFolders {

	private CandidateFolders() {
	}

	public static Path changed(Path folder, String from, String to, ObjectNode specExample, JsonMapper json)
			throws IOException {
		Path source = Path.of("rules");
		try (Stream<Path> files = Stream.concat(Files.walk(source.resolve("lens")), Files.walk(source.resolve("policy")))) {
			for (Path file : files.toList()) {
				Path target = folder.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.writeString(target, Files.readString(file).replace(from, to));
				}
			}
		}
		Files.createDirectories(folder.resolve("scenarios"));
		// JSON is YAML: the candidate's own scenario, with the expectation its change still meets
		Files.writeString(folder.resolve("scenarios/01-spec-example.yaml"), json.createObjectNode()
			.put("name", "Online-only hearing aftercare under the candidate")
			.<ObjectNode>set("given", specExample)
			.set("expect", json.createObjectNode().set("ratingIn", json.createArrayNode().add("HIGH").add("SEVERE")))
			.toString());
		return folder;
	}

}
