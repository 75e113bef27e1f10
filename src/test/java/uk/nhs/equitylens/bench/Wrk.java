package uk.nhs.equitylens.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code wrk} (Debian's package) against the app: a real load generator in its own process, so
 * the figures include the HTTP stack. The script sets method, headers and body, and its
 * {@code done} callback prints one line with the totals and latency percentiles, which this parses.
 */
final class Wrk {

	/** One wrk run: throughput, latency percentiles in microseconds, and errors. */
	record Result(long requests, double seconds, long p50, long p95, long p99, long non2xx, long socketErrors) {

		double perSecond() {
			return requests / seconds;
		}

	}

	private Wrk() {
	}

	static void requireInstalled() throws IOException, InterruptedException {
		try {
			Process which = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			which.getInputStream().readAllBytes();
			which.waitFor();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"wrk is not installed: the HTTP benchmarks use it (Debian: apt-get install -y wrk)", ex);
		}
	}

	static Result run(URI url, String method, Map<String, String> headers, String body, int connections,
			int seconds) throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("wrk");
		Path bodyFile = dir.resolve("body");
		Files.writeString(bodyFile, body == null ? "" : body);
		StringBuilder script = new StringBuilder();
		script.append("wrk.method = \"").append(method).append("\"\n");
		if (body != null) {
			script.append("local f = io.open(\"").append(bodyFile).append("\", \"rb\")\n");
			script.append("wrk.body = f:read(\"*a\")\nf:close()\n");
		}
		headers.forEach((name, value) -> script.append("wrk.headers[\"").append(name).append("\"] = \"")
			.append(value.replace("\"", "\\\"")).append("\"\n"));
		script.append("""
				done = function(summary, latency, requests)
				  local e = summary.errors
				  io.write(string.format("WRK %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
				    latency:percentile(50), latency:percentile(95), latency:percentile(99), e.status,
				    e.connect + e.read + e.write + e.timeout))
				end
				""");
		Path scriptFile = dir.resolve("script.lua");
		Files.writeString(scriptFile, script);
		List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
				"--timeout", "10s", "-s", scriptFile.toString(), url.toString()));
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(wrk.getInputStream().readAllBytes());
		int exit = wrk.waitFor();
		for (String line : output.split("\n")) {
			if (line.startsWith("WRK ")) {
				String[] f = line.trim().split(" ");
				return new Result(Long.parseLong(f[1]), Long.parseLong(f[2]) / 1e6, Long.parseLong(f[3]),
						Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]));
			}
		}
		throw new IllegalStateException("wrk exited " + exit + " without a result:\n" + output);
	}

}
