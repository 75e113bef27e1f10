package uk.nhs.equitylens.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app ({@code java -jar}) in its own process, as the benchmarks measure it: a free port,
 * its own working folder (so it uses the rules and forms inside the jar) and data folder, a log file
 * under {@code target/bench-logs}. Ready when {@code /actuator/health} answers UP.
 */
final class BenchApp implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;

	private final int port;

	private final Path log;

	private final long readyNanos;

	private BenchApp(Process process, int port, Path log, long readyNanos) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.readyNanos = readyNanos;
	}

	/** Starts the jar with the JVM options and app arguments given, and waits until it is ready. */
	static BenchApp start(Path jar, Path dataDir, String name, List<String> jvmOptions, List<String> arguments)
			throws IOException, InterruptedException {
		int port = freePort();
		Path work = Files.createDirectories(dataDir.resolve("work"));
		Path log = Files.createDirectories(Path.of("target", "bench-logs")).resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
				"--equitylens.data-dir=" + dataDir.toAbsolutePath(), "--logging.level.root=WARN",
				"--logging.level.uk.nhs.equitylens=WARN"));
		command.addAll(arguments);
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		URI health = URI.create("http://localhost:" + port + "/actuator/health");
		long deadline = start + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The app stopped while starting; see " + log + ":\n" + tail(log));
			}
			try {
				var response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
						BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return new BenchApp(process, port, log, System.nanoTime() - start);
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(25);
		}
		process.destroyForcibly();
		throw new IllegalStateException("The app was not ready within 2 minutes; see " + log + ":\n" + tail(log));
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	double readySeconds() {
		return readyNanos / 1e9;
	}

	long pid() {
		return process.pid();
	}

	static String basic(String username) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	/** A request as a demo account over HTTP Basic. */
	HttpRequest.Builder as(String username, String path) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(username))
			.timeout(Duration.ofSeconds(60));
	}

	String send(HttpRequest request, int expected) throws IOException, InterruptedException {
		var response = HTTP.send(request, BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
					+ response.statusCode() + ", expected " + expected + ": " + response.body());
		}
		return response.body();
	}

	/** Used heap in KiB after a full collection, from the JDK's own jcmd. */
	long heapAfterFullGcKiB() throws IOException, InterruptedException {
		jcmd("GC.run");
		String info = jcmd("GC.heap_info");
		Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
		if (!used.find()) {
			throw new IllegalStateException("Unexpected GC.heap_info output:\n" + info);
		}
		return Long.parseLong(used.group(1));
	}

	private String jcmd(String command) throws IOException, InterruptedException {
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(process.pid()), command)
			.redirectErrorStream(true)
			.start();
		String output = new String(jcmd.getInputStream().readAllBytes());
		jcmd.waitFor();
		return output;
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

}
