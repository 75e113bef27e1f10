package uk.nhs.equitylens.lens;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of a rulebase: a DRL file, or a policy table ({@code policy/*.csv}) that the rules read.
 *
 * @param path relative to the rules folder, with forward slashes, e.g. {@code lens/harm.drl} (the
 * DRL {@code package} matches the folder) or {@code policy/cohorts.csv}
 * @param content the file's bytes (UTF-8)
 */
public record RuleFile(String path, byte[] content) {

	public RuleFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(content, "content");
		path = path.replace('\\', '/');
		if (path.startsWith("/") || path.contains("..") || !(path.endsWith(".drl") || isTable(path))) {
			throw new IllegalArgumentException("not a rule file path: " + path);
		}
	}

	/** A policy table: {@code policy/NAME.csv}. */
	public static boolean isTable(String path) {
		return path.startsWith("policy/") && path.endsWith(".csv") && path.indexOf('/', "policy/".length()) < 0;
	}

	public boolean isDrl() {
		return path.endsWith(".drl");
	}

	public static RuleFile of(String path, String content) {
		return new RuleFile(path, content.getBytes(StandardCharsets.UTF_8));
	}

	public String text() {
		return new String(content, StandardCharsets.UTF_8);
	}

	/** The 1-based line on which {@code needle} first appears, or 0. */
	int lineOf(String needle) {
		String text = text();
		int at = text.indexOf(needle);
		if (at < 0) {
			return 0;
		}
		int line = 1;
		for (int i = 0; i < at; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
