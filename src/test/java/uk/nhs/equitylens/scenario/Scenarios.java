package uk.nhs.equitylens.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The scenario files: every {@code *.yaml} in {@code rules/scenarios} (relative to the working
 * directory, the project root under Maven), sorted by file name. Reading is strict: a key the
 * {@link Scenario} format does not know, a misspelt expectation or an expectation that cannot be
 * checked fails with the file's name, so a scenario never passes by checking nothing.
 */
public final class Scenarios {

	/** The folder the scenario files live in. */
	public static final Path FOLDER = Path.of("rules", "scenarios");

	/** {@code NN-short-name.yaml}. */
	private static final Pattern FILE_NAME = Pattern.compile("\\d{2}-[a-z0-9]+(-[a-z0-9]+)*\\.yaml");

	private static final List<String> RATINGS = List.of("LOW", "MODERATE", "HIGH", "SEVERE");

	private static final List<String> ASSURANCE = List.of("STRONG", "ADEQUATE", "WEAK");

	/** The bands, whose edges an expected score keeps away from. */
	static final Path BANDS = Path.of("rules", "policy", "bands.csv");

	private static final List<String> SOURCES = List.of("PROPOSAL", "AREAS", "NONE");

	private static final YAMLMapper MAPPER = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private Scenarios() {
	}

	/** A scenario and the file it was read from. */
	public record ScenarioFile(Path path, Scenario scenario) {

		/** The file name, e.g. {@code 01-spec-example.yaml}: how tests and messages name the scenario. */
		public String fileName() {
			return path.getFileName().toString();
		}

	}

	/** The scenario files, sorted by name. */
	public static List<Path> files() {
		if (!Files.isDirectory(FOLDER)) {
			throw new IllegalStateException("The scenario folder " + FOLDER.toAbsolutePath() + " does not exist.");
		}
		try (Stream<Path> paths = Files.list(FOLDER)) {
			List<Path> files = paths.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().endsWith(".yaml"))
				.sorted(Comparator.comparing(p -> p.getFileName().toString()))
				.toList();
			if (files.isEmpty()) {
				throw new IllegalStateException(
						"The scenario folder " + FOLDER.toAbsolutePath() + " has no .yaml files.");
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the scenario folder " + FOLDER.toAbsolutePath(), ex);
		}
	}

	/** Every scenario, sorted by file name; the first file that does not parse fails the lot. */
	public static List<ScenarioFile> load() {
		return files().stream().map(Scenarios::read).toList();
	}

	/**
	 * Reads and checks one scenario file.
	 *
	 * @throws IllegalStateException naming the file, when it does not parse or its expectations
	 * cannot be checked
	 */
	public static ScenarioFile read(Path file) {
		String name = file.getFileName().toString();
		Scenario scenario;
		try {
			scenario = MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), Scenario.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(name + " cannot be read", ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(name + " does not parse: " + ex.getOriginalMessage()
					+ (ex.getLocation() == null ? "" : " (line " + ex.getLocation().getLineNr() + ")"), ex);
		}
		List<String> problems = problems(name, scenario);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(name + " is not a usable scenario: " + String.join("; ", problems));
		}
		return new ScenarioFile(file, scenario);
	}

	private static List<String> problems(String name, Scenario scenario) {
		List<String> problems = new ArrayList<>();
		if (!FILE_NAME.matcher(name).matches()) {
			problems.add("the file name is not of the form NN-short-name.yaml");
		}
		if (scenario == null) {
			problems.add("the file is empty");
			return problems;
		}
		if (blank(scenario.name())) {
			problems.add("it has no name");
		}
		if (blank(scenario.about())) {
			problems.add("it has no about");
		}
		if (scenario.given() == null) {
			problems.add("it has no given (proposal document)");
		}
		Scenario.Expect expect = scenario.expect();
		if (expect == null) {
			problems.add("it has no expect");
			return problems;
		}
		if (expect.invalid()) {
			if (expect.rating() != null || expect.residualRating() != null || expect.score() != null
					|| expect.residualScore() != null || expect.assurance() != null || expect.findings() != null
					|| !expect.ruleIds().isEmpty() || !expect.mitigationCodes().isEmpty()
					|| !expect.equityBenefit().isEmpty() || expect.deprivationSource() != null
					|| expect.edgeIsThePoint() != null) {
				problems.add("an invalid document (violations) can have no other expectations");
			}
			return problems;
		}
		if (expect.findings() == null) {
			problems.add("state findings: the exact set of rule ids that make a finding");
		}
		rating("rating", expect.rating(), problems);
		rating("residualRating", expect.residualRating(), problems);
		if (expect.assurance() == null || !ASSURANCE.contains(expect.assurance())) {
			problems.add("assurance " + expect.assurance() + " is not one of " + ASSURANCE);
		}
		score("score", expect.score(), expect.edgeAllowed(), problems);
		score("residualScore", expect.residualScore(), expect.edgeAllowed(), problems);
		if (expect.score() != null && expect.residualScore() != null && expect.residualScore() > expect.score()) {
			problems.add("residualScore " + expect.residualScore() + " is above score " + expect.score());
		}
		range("equityBenefit", expect.equityBenefit(), problems);
		if (expect.deprivationSource() != null && !SOURCES.contains(expect.deprivationSource())) {
			problems.add("deprivationSource " + expect.deprivationSource() + " is not one of " + SOURCES);
		}
		overlap("requiredMitigations", expect.requiredMitigations(), "notRequired", expect.notRequired(), problems);
		return problems;
	}

	private static void rating(String key, String rating, List<String> problems) {
		if (rating == null || !RATINGS.contains(rating)) {
			problems.add(key + " " + rating + " is not one of " + RATINGS);
		}
	}

	/**
	 * An expected score must be stated, within 0..100, and (unless the scenario says the edge is the
	 * point) not within {@link Scenario.Expect#EDGE_MARGIN} of a band edge, where the tolerance of the
	 * check would let a score in the wrong band pass as a near miss.
	 */
	private static void score(String key, Integer score, boolean edgeAllowed, List<String> problems) {
		if (score == null) {
			problems.add("state " + key + " (an integer)");
			return;
		}
		if (score < 0 || score > 100) {
			problems.add(key + " " + score + " is not within 0..100");
		}
		if (!edgeAllowed) {
			for (int edge : bandEdges()) {
				if (Math.abs(score - edge) <= Scenario.Expect.EDGE_MARGIN) {
					problems.add(key + " " + score + " is within " + Scenario.Expect.EDGE_MARGIN + " of the band edge "
							+ edge + " (" + BANDS + "): choose a clearer case or set edgeIsThePoint: true");
				}
			}
		}
	}

	/** The scores where a band starts (bands.csv {@code from}, above 0). */
	static List<Integer> bandEdges() {
		try {
			return Files.readAllLines(BANDS, StandardCharsets.UTF_8)
				.stream()
				.skip(1)
				.filter(line -> !line.isBlank())
				.map(line -> Integer.parseInt(line.split(",")[1].trim()))
				.filter(from -> from > 0)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + BANDS.toAbsolutePath(), ex);
		}
	}

	private static void range(String key, List<Integer> range, List<String> problems) {
		if (range.isEmpty()) {
			return;
		}
		if (range.size() != 2 || range.get(0) > range.get(1) || range.get(0) < 0
				|| range.get(1) > 100) {
			problems.add(key + " " + range + " is not an inclusive range [min, max] within 0..100");
		}
	}

	private static void overlap(String firstKey, List<String> first, String secondKey, List<String> second,
			List<String> problems) {
		List<String> both = first.stream().filter(second::contains).toList();
		if (!both.isEmpty()) {
			problems.add(both + " are in both " + firstKey + " and " + secondKey);
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
