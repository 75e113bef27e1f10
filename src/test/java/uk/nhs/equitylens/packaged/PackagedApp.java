package uk.nhs.equitylens.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application as it ships: the repackaged jar started with {@code java -jar} in its own process,
 * on a free port, with its own data folder and a working folder of its own (so it uses the rules and
 * forms packaged in the jar, not the checkout's), logging to {@code target/packaged-logs/NAME.log}.
 * <p>
 * {@link #kill()} is SIGKILL (a crash: no shutdown hook, no flush), {@link #stop()} a graceful
 * SIGTERM. Whatever happens to the test, the process does not outlive it: {@link #close()} kills it,
 * and a shutdown hook of the test JVM kills it too if the test never got that far.
 */
public final class PackagedApp implements AutoCloseable {

	/** 128 + 9: how Java reports a process that SIGKILL ended. */
	static final int KILLED_BY_SIGKILL = 137;

	/** Modest: the build machine has two cores shared with other work. */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-Xss512k", "-XX:+UseG1GC",
			"-XX:+ExitOnOutOfMemoryError");

	/** Some 15 s on an idle machine; far longer while other builds share its two cores. */
	private static final Duration STARTUP = Duration.ofSeconds(240);

	private static final Path TARGET = Path.of("target").toAbsolutePath();

	private final String name;

	private final Path log;

	private final int port;

	private final Process process;

	private final Thread reaper;

	private final long startedNanos = System.nanoTime();

	private Duration readyAfter;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private PackagedApp(String name, Path log, int port, Process process) {
		this.name = name;
		this.log = log;
		this.port = port;
		this.process = process;
		this.reaper = new Thread(() -> {
			if (process.isAlive()) {
				process.destroyForcibly();
			}
		}, "kill-" + name);
		Runtime.getRuntime().addShutdownHook(this.reaper);
	}

	/**
	 * Starts the packaged jar and waits until {@code /actuator/health} says UP.
	 *
	 * @param name names the log file ({@code target/packaged-logs/NAME.log}, appended to on restart)
	 * @param dataDir the embedded H2 database's folder (kept across restarts by passing the same one)
	 * @param extraArgs further application arguments, e.g. {@code --spring.profiles.active=postgres}
	 */
	public static PackagedApp start(String name, Path dataDir, List<String> extraArgs) {
		return start(name, dataDir, List.of(), extraArgs);
	}

	/**
	 * As {@link #start(String, Path, List)}, with JVM options besides the default ones, e.g.
	 * {@code -XX:TieredStopAtLevel=1} for a quicker start where throughput does not matter.
	 */
	public static PackagedApp start(String name, Path dataDir, List<String> jvmOptions, List<String> extraArgs) {
		Path jar = jar();
		try {
			Path logs = Files.createDirectories(TARGET.resolve("packaged-logs"));
			Path workDir = Files.createTempDirectory("equity-lens-" + name + "-cwd");
			workDir.toFile().deleteOnExit(); // the app writes nothing there (its data folder is dataDir)
			Path log = logs.resolve(name + ".log");
			int port = freePort();
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(JVM_OPTIONS);
			command.addAll(jvmOptions);
			command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
					"--equitylens.data-dir=" + dataDir.toAbsolutePath()));
			command.addAll(extraArgs);
			Files.writeString(log, "%n==== %s: %s%n".formatted(Instant.now(), String.join(" ", command)),
					StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
			Process process = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			PackagedApp app = new PackagedApp(name, log, port, process);
			try {
				app.awaitHealthy(STARTUP);
			}
			catch (RuntimeException | Error ex) {
				app.close();
				throw ex;
			}
			return app;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + jar, ex);
		}
	}

	/** The repackaged jar that {@code package} built; the integration tests run after it. */
	static Path jar() {
		List<Path> found = new ArrayList<>();
		if (Files.isDirectory(TARGET)) {
			try (DirectoryStream<Path> jars = Files.newDirectoryStream(TARGET, "equity-lens-*.jar")) {
				jars.forEach(found::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		found.removeIf(p -> p.getFileName().toString().endsWith("-plain.jar"));
		if (found.size() != 1) {
			throw new IllegalStateException("Expected exactly one packaged jar target/equity-lens-<version>.jar but found "
					+ found + ". These integration tests run the packaged application: run them with "
					+ "'./mvnw verify' (failsafe runs after package), not './mvnw test'.");
		}
		return found.get(0);
	}

	/** From starting the process until {@code /actuator/health} first said UP (polled every 50 ms). */
	public Duration readyAfter() {
		return readyAfter;
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	public int port() {
		return port;
	}

	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/**
	 * A crash: SIGKILL, as {@code kill -9} sends it. Java's {@code destroyForcibly()} sends SIGKILL on
	 * Linux; the exit status (128 + 9) proves that it did.
	 */
	public void kill() {
		process.destroyForcibly();
		int status = awaitExit(Duration.ofSeconds(30));
		if (status != KILLED_BY_SIGKILL) {
			throw new IllegalStateException(name + " exited with " + status + ", not by SIGKILL (" + KILLED_BY_SIGKILL
					+ ")");
		}
	}

	/** A graceful stop: SIGTERM, Spring's shutdown (connections closed, H2 written out); SIGKILL if it hangs. */
	public void stop() {
		process.destroy();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(name + " did not stop within 60 s of SIGTERM; killed it. Log tail:\n"
						+ logTail(40));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	/** Kills the process if it is still running; works in a test thread that a timeout interrupted. */
	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroyForcibly();
			boolean interrupted = Thread.interrupted();
			try {
				process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
			finally {
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}
		try {
			Runtime.getRuntime().removeShutdownHook(reaper);
		}
		catch (IllegalStateException shuttingDown) {
			// the hook is running or about to; it finds the process gone
		}
	}

	/** Heap in use after a full collection, in KiB, read with jcmd. */
	public long usedHeapAfterFullGc() {
		jcmd("GC.run");
		String info = jcmd("GC.heap_info");
		Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
		if (!used.find()) {
			throw new IllegalStateException("No 'used NK' in jcmd GC.heap_info output:\n" + info);
		}
		return Long.parseLong(used.group(1));
	}

	private String jcmd(String command) {
		try {
			Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(pid()), command)
				.redirectErrorStream(true)
				.start();
			String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
				jcmd.destroyForcibly();
				throw new IllegalStateException("jcmd " + pid() + " " + command + " failed:\n" + out);
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The last lines of this app's log, for failure messages. */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(log " + log + " unreadable: " + ex + ")";
		}
	}

	public Path log() {
		return log;
	}

	private void awaitHealthy(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		String last = "no answer yet";
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue()
						+ " before it was healthy. Log tail (" + log + "):\n" + logTail(60));
			}
			try {
				var response = http.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
						BodyHandlers.ofString());
				last = response.statusCode() + " " + response.body();
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					readyAfter = Duration.ofNanos(System.nanoTime() - startedNanos);
					return;
				}
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(50);
		}
		throw new IllegalStateException(name + " was not healthy within " + timeout.toSeconds() + " s (last: " + last
				+ "). Log tail (" + log + "):\n" + logTail(60));
	}

	private int awaitExit(Duration timeout) {
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(name + " (pid " + pid() + ") still running " + timeout.toSeconds()
						+ " s after it was killed");
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
