package uk.nhs.equitylens.rulebase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.equitylens.assessment.Assessor;
import uk.nhs.equitylens.audit.AuditLog;
import uk.nhs.equitylens.audit.RulebaseArchive;
import uk.nhs.equitylens.lens.ActiveRulebase;
import uk.nhs.equitylens.lens.LensEngine;
import uk.nhs.equitylens.lens.RuleFile;
import uk.nhs.equitylens.lens.RuleFiles;
import uk.nhs.equitylens.lens.Rulebase;
import uk.nhs.equitylens.lens.RulebaseException;
import uk.nhs.equitylens.lens.RulebaseLoader;
import uk.nhs.equitylens.people.CurrentUser;
import uk.nhs.equitylens.people.LensUser;
import uk.nhs.equitylens.people.Role;

/**
 * Candidate rulebases: loaded from a folder on the server or an uploaded zip of DRL files, compiled,
 * and run against every scenario (the candidate's own {@code scenarios/} if it has them, else the
 * active rules folder's). A candidate that fails is rejected with its errors (file:line, or the
 * scenario and expectation) and the active rulebase keeps serving. A passing candidate is archived
 * by its content hash, so that a what-if can run on it from any instance, and an administrator can
 * activate it (audited).
 */
@Service
public class Candidates {

	private static final Logger log = LoggerFactory.getLogger(Candidates.class);

	/** An uploaded rulebase has at most this many files ... */
	static final int MAX_ENTRIES = 500;

	/** ... and unpacks to at most this many bytes in all: a zip bomb is refused, not unpacked. */
	static final long MAX_UNPACKED = 10 * 1024 * 1024;

	private final ActiveRulebase active;

	private final RulebaseArchive archive;

	private final AuditLog audit;

	private final ScenarioChecks scenarios;

	private final RulebaseActivations activations;

	private final String rulesDir;

	Candidates(ActiveRulebase active, RulebaseArchive archive, AuditLog audit, Assessor assessor,
			RulebaseActivations activations, @Value("${equitylens.rules.dir:}") String rulesDir) {
		this.active = active;
		this.activations = activations;
		this.archive = archive;
		this.audit = audit;
		this.scenarios = new ScenarioChecks(assessor);
		this.rulesDir = rulesDir;
	}

	/** Loads a candidate from a folder on the server (its {@code *.drl} files and any {@code scenarios/}). */
	@Transactional
	public Candidate fromFolder(String folder) {
		requireRole(Role.ADMIN, Role.GOVERNANCE);
		Path path = Path.of(folder);
		if (!Files.isDirectory(path)) {
			throw new CandidateRejected(List.of("The folder " + folder + " does not exist on the server."));
		}
		List<RuleFile> files;
		try {
			files = RuleFiles.fromFolder(path);
		}
		catch (RulebaseException ex) {
			throw new CandidateRejected(ex.problems());
		}
		return check(files, scenariosIn(path), "folder " + path.toAbsolutePath().normalize());
	}

	/**
	 * Loads a candidate from a zip of DRL files (and optionally {@code scenarios/*.yaml}). Entries that
	 * climb out of the zip, absolute paths, too many entries or too many bytes unpacked are refused.
	 */
	@Transactional
	public Candidate fromZip(byte[] zip) {
		requireRole(Role.ADMIN, Role.GOVERNANCE);
		List<RuleFile> files = new ArrayList<>();
		List<ScenarioChecks.ScenarioFile> scenarioFiles = new ArrayList<>();
		long unpacked = 0;
		int entries = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (++entries > MAX_ENTRIES) {
					throw new CandidateRejected(List.of("The zip has more than " + MAX_ENTRIES + " entries."));
				}
				String name = entry.getName().replace('\\', '/');
				if (name.startsWith("/") || name.contains("..") || name.contains(":")) {
					throw new CandidateRejected(List.of("The zip entry '" + name + "' points outside the rulebase."));
				}
				if (entry.isDirectory()) {
					continue;
				}
				byte[] content = readLimited(in, MAX_UNPACKED - unpacked);
				unpacked += content.length;
				String path = name.startsWith("rules/") ? name.substring("rules/".length()) : name;
				if (name.endsWith(".drl") || RuleFile.isTable(path)) {
					files.add(new RuleFile(path, content));
				}
				else if (name.matches("(rules/)?scenarios/[^/]+\\.ya?ml")) {
					scenarioFiles.add(new ScenarioChecks.ScenarioFile(name.substring(name.lastIndexOf('/') + 1),
							new String(content, StandardCharsets.UTF_8)));
				}
			}
		}
		catch (IOException ex) {
			throw new CandidateRejected(List.of("The upload is not a readable zip file: " + ex.getMessage()));
		}
		if (files.stream().noneMatch(RuleFile::isDrl)) {
			throw new CandidateRejected(List.of("The zip has no .drl files."));
		}
		return check(files, scenarioFiles.isEmpty() ? defaultScenarios() : scenarioFiles, "uploaded zip");
	}

	/**
	 * Serves a checked candidate from now on (administrators only); audited. It is recorded as the
	 * latest activation: this instance serves it once that commits, the others at their next sync.
	 */
	@Transactional
	public Activation activate(String version) {
		LensUser user = requireRole(Role.ADMIN);
		Rulebase candidate = archive.load(version)
			.orElseThrow(() -> new CandidateRejected(List.of("There is no checked candidate with version " + version + ".")));
		List<String> failures = scenarios.failures(defaultScenarios(), new LensEngine(candidate));
		if (!failures.isEmpty()) {
			throw new CandidateRejected(failures);
		}
		Rulebase previous = active.rulebase();
		activations.activated(candidate, user.username());
		audit.append("RULEBASE_ACTIVATED", user.username(), null, candidate.version(),
				Map.of("version", candidate.version(), "previousVersion", previous.version(), "rules",
						candidate.rules().size(), "files", candidate.files().stream().map(RuleFile::path).toList()));
		log.warn("Rulebase {} activated by {} (was {})", candidate.version(), user.username(), previous.version());
		return new Activation(candidate.version(), previous.version(), candidate.rules().size());
	}

	private Candidate check(List<RuleFile> files, List<ScenarioChecks.ScenarioFile> scenarioFiles, String source) {
		Rulebase rulebase;
		try {
			rulebase = new RulebaseLoader().load(files);
		}
		catch (RulebaseException ex) {
			throw new CandidateRejected(ex.problems());
		}
		List<String> failures = scenarios.failures(scenarioFiles, new LensEngine(rulebase));
		if (!failures.isEmpty()) {
			throw new CandidateRejected(failures);
		}
		archive.archive(rulebase);
		return new Candidate(rulebase.version(), source, rulebase.rules().size(), scenarioFiles.size(),
				rulebase.version().equals(active.rulebase().version()));
	}

	/** The scenarios beside the active rules: the rules folder's, else the packaged copy. */
	List<ScenarioChecks.ScenarioFile> defaultScenarios() {
		Path folder = rulesDir.isBlank() ? Path.of("rules") : Path.of(rulesDir);
		if (Files.isDirectory(folder.resolve("scenarios"))) {
			return scenariosIn(folder);
		}
		List<ScenarioChecks.ScenarioFile> files = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:rules/scenarios/*.yaml")) {
				try (InputStream in = resource.getInputStream()) {
					files.add(new ScenarioChecks.ScenarioFile(resource.getFilename(),
							new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		files.sort(java.util.Comparator.comparing(ScenarioChecks.ScenarioFile::name));
		return files;
	}

	private static List<ScenarioChecks.ScenarioFile> scenariosIn(Path folder) {
		Path scenarios = folder.resolve("scenarios");
		if (!Files.isDirectory(scenarios)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.list(scenarios)) {
			List<ScenarioChecks.ScenarioFile> files = new ArrayList<>();
			for (Path file : paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
				files.add(new ScenarioChecks.ScenarioFile(file.getFileName().toString(), Files.readString(file)));
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readLimited(InputStream in, long allowed) throws IOException {
		byte[] buffer = new byte[8192];
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		int n;
		while ((n = in.read(buffer)) > 0) {
			if (out.size() + n > allowed) {
				throw new CandidateRejected(List.of("The zip unpacks to more than " + (MAX_UNPACKED / (1024 * 1024))
						+ " MiB; it is refused."));
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private static LensUser requireRole(Role... roles) {
		return CurrentUser.require("Loading and activating rulebases is for " + List.of(roles) + ".", roles);
	}

	/** A candidate that compiled and passed every scenario. */
	public record Candidate(String version, String source, int rules, int scenarios, boolean active) {
	}

	/** A rulebase made active. */
	public record Activation(String version, String previousVersion, int rules) {
	}

}
