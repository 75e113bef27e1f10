package uk.nhs.equitylens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every benchmark of issue 7, one after the other, and one table: measure, figure (median and
 * spread), target, met. Run by {@code ./mvnw -Pbench verify} (after the jar is packaged); prints the
 * table and writes it, with the machine, JVM and commit, to {@code target/benchmarks.md}. A
 * benchmark that cannot run is a row that says why, and the run exits non-zero; a missed target is
 * a row that says by how much, and is not a build failure (the table is the report).
 * {@code -Dbench.only=startup,pages} runs only the measures whose names contain one of the words.
 */
public final class BenchmarkTable {

	private BenchmarkTable() {
	}

	public static void main(String[] args) throws Exception {
		Path work = Files.createTempDirectory("equity-lens-bench");
		List<Figure> figures = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		try {
			HttpFigures http = new HttpFigures(work);
			measure("Engine (JMH)", figures, failures, EngineFigures::measure);
			measure("Startup", figures, failures, http::startup);
			Wrk.requireInstalled();
			measure("HTTP evaluate", figures, failures, http::evaluateAgainstTrivial);
			measure("Submit H2", figures, failures, () -> List.of(http.submissions("h2")));
			measure("Submit PostgreSQL", figures, failures, () -> List.of(http.submissions("postgresql")));
			measure("Pages", figures, failures, http::pages);
			measure("What-if", figures, failures, () -> List.of(new WhatIfFigures(work).replay()));
		}
		finally {
			// the what-if alone leaves some 3 GB of database behind
			delete(work);
		}
		String table = table(figures);
		String report = "Measured " + LocalDate.now() + " on " + machine() + "\n\n" + table;
		System.out.println();
		System.out.println(report);
		Files.writeString(Path.of("target", "benchmarks.md"), report);
		if (!failures.isEmpty()) {
			System.err.println("Benchmarks that could not run: " + failures);
			System.exit(1);
		}
	}

	interface Measure {

		List<Figure> run() throws Exception;

	}

	private static void measure(String name, List<Figure> figures, List<String> failures, Measure measure) {
		String only = System.getProperty("bench.only", "");
		if (!only.isBlank() && Stream.of(only.split(",")).noneMatch(n -> name.toLowerCase().contains(n.trim().toLowerCase()))) {
			return;
		}
		System.out.println("== " + name);
		long start = System.nanoTime();
		try {
			List<Figure> measured = measure.run();
			measured.forEach(f -> System.out.println("   " + f));
			figures.addAll(measured);
		}
		catch (Exception | AssertionError ex) {
			ex.printStackTrace();
			failures.add(name);
			figures.add(new Figure(name, "not measured", "", false, "failed: " + ex));
		}
		System.out.printf("   (%.0f s)%n", (System.nanoTime() - start) / 1e9);
	}

	/** "yes", "**no**", or "—" for a row that reports a figure without a target. */
	private static String met(Figure figure) {
		if (figure.target().isBlank() || figure.target().equals("—") || figure.target().equals("reported")) {
			return figure.figure().equals("not measured") ? "**no**" : "—";
		}
		return figure.met() ? "yes" : "**no**";
	}

	private static void delete(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	static String table(List<Figure> figures) {
		StringBuilder table = new StringBuilder("| Measure | Figure | Target | Met | Note |\n|---|---|---|---|---|\n");
		for (Figure f : figures) {
			table.append("| ").append(f.measure()).append(" | ").append(f.figure()).append(" | ").append(f.target())
				.append(" | ").append(met(f)).append(" | ").append(f.note()).append(" |\n");
		}
		return table.toString();
	}

	private static String machine() throws IOException, InterruptedException {
		String cpu = "unknown CPU";
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (Files.exists(cpuinfo)) {
			cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
				.map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
		}
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize() >> 30;
		return Stats.format("%d cores (%s), %d GiB; %s %s (%s); commit %s", Runtime.getRuntime().availableProcessors(),
				cpu, memory, System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
				System.getProperty("java.vm.vendor"), commit());
	}

	private static String commit() throws IOException, InterruptedException {
		Process git = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
			.redirectErrorStream(true).start();
		String out = new String(git.getInputStream().readAllBytes()).trim();
		return git.waitFor() == 0 ? out : "unknown (not a git checkout)";
	}

}
