package uk.nhs.equitylens.lens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the files of a rules folder that make the rulebase: the DRL files and the policy tables
 * ({@code policy/*.csv}). Scenarios, calibration cases and other files beside them are not rules.
 */
public final class RuleFiles {

	private RuleFiles() {
	}

	/** Every {@code *.drl} below {@code folder} and every {@code policy/*.csv}, sorted by path. */
	public static List<RuleFile> fromFolder(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new RulebaseException("The rules folder " + folder.toAbsolutePath() + " does not exist.");
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().endsWith(".drl")
						|| RuleFile.isTable(folder.relativize(p).toString().replace('\\', '/')))
				.sorted(Comparator.comparing(p -> folder.relativize(p).toString().replace('\\', '/')))
				.map(p -> read(folder, p))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the rules folder " + folder.toAbsolutePath(), ex);
		}
	}

	private static RuleFile read(Path folder, Path file) {
		try {
			return new RuleFile(folder.relativize(file).toString(), Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read rule file " + file.toAbsolutePath(), ex);
		}
	}

}
