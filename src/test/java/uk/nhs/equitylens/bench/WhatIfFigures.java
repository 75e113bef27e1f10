package uk.nhs.equitylens.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import uk.nhs.equitylens.packaged.Api;
import uk.nhs.equitylens.packaged.PackagedApp;
import uk.nhs.equitylens.rulebase.CandidateFolders;
import uk.nhs.equitylens.scenario.Scenarios;

/**
 * A what-if of a candidate rulebase over 100,000 stored assessments in an app limited to 512 MB of
 * heap. The assessments are real evaluations (every valid scenario document, completed where it
 * leaves out an answer a submission needs, and the spec example, submitted through the API), copied
 * in the database to 100,000 across six boards; the candidate weighs HIGH findings 20 points instead
 * of 14, so a share of ratings change and are written.
 */
final class WhatIfFigures {

	static final int ASSESSMENTS = Integer.getInteger("bench.whatif.assessments", 100_000);

	private static final List<String> BOARDS = List.of("PLANNED_CARE", "DIGITAL", "MENTAL_HEALTH",
			"URGENT_EMERGENCY_CARE", "PRIMARY_CARE", "MATERNITY_CHILDREN");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path work;

	WhatIfFigures(Path work) {
		this.work = work;
	}

	Figure replay() throws Exception {
		Path data = Files.createDirectories(work.resolve("whatif"));
		try (PackagedApp app = PackagedApp.start("bench-whatif-seed", data, HttpFigures.JVM, List.of())) {
			Api api = new Api(app, HttpFigures.TIMEOUT);
			for (JsonNode proposal : proposals()) {
				api.post("ambassador", "/api/assessments?submit=true", proposal.toString()).expect(201);
			}
		}
		long copyStart = System.nanoTime();
		int copied = copyTo(data, ASSESSMENTS);
		double copySeconds = (System.nanoTime() - copyStart) / 1e9;
		try (PackagedApp app = PackagedApp.start("bench-whatif", data, List.of("-Xmx512m"), List.of())) {
			Api api = new Api(app, HttpFigures.TIMEOUT);
			ObjectNode example;
			try (InputStream in = WhatIfFigures.class.getResourceAsStream("/proposals/proposal-example.json")) {
				example = (ObjectNode) JSON.readTree(in);
			}
			Path folder = CandidateFolders.changed(work.resolve("whatif-candidate"), "HIGH,10,",
					"HIGH,20,", example, JSON);
			String candidate = api.post("governance", "/api/rulebase/candidates",
					JSON.createObjectNode().put("folder", folder.toAbsolutePath().toString()).toString())
				.expect(201)
				.json()
				.get("version")
				.asString();
			long heapBefore = app.usedHeapAfterFullGc();
			JsonNode run = runToTheEnd(api, candidate);
			long heapAfter = app.usedHeapAfterFullGc();
			// a second run: what one run leaves behind that the next does not reuse would show here
			JsonNode again = runToTheEnd(api, candidate);
			long heapAfterAgain = app.usedHeapAfterFullGc();
			double seconds = run.get("seconds").asDouble();
			int processed = run.get("processed").asInt();
			double perSecond = processed / seconds;
			int changed = run.path("report").path("changed").asInt();
			boolean done = run.get("status").asString().equals("DONE") && processed == copied
					&& again.get("status").asString().equals("DONE");
			// "heap after = heap before", within the H2 page cache (16 MB by default), which the first run
			// fills with the pages it read, and class loading and JIT; the second run must add nothing more
			long growthKiB = heapAfter - heapBefore;
			long growthAgainKiB = heapAfterAgain - heapAfter;
			return new Figure(Stats.format("What-if replay over %,d stored assessments, -Xmx512m", copied),
					Stats.format("%.0f assessments/s (%.1f s; second run %.0f /s)", perSecond, seconds,
							processed / again.get("seconds").asDouble()),
					"≥ 5,000 /s; heap after = before",
					done && perSecond >= 5000 && growthKiB <= 16 * 1024 && growthAgainKiB <= 4 * 1024,
					Stats.format("%s: %d processed, %d changed; used heap after a full GC: before %.1f MB, after the "
							+ "run %.1f MB, after a second run %.1f MB; %d assessments copied in the database in %.0f s",
							run.get("status").asString(), processed, changed, heapBefore / 1024.0, heapAfter / 1024.0,
							heapAfterAgain / 1024.0, copied, copySeconds));
		}
	}

	/** Starts a run of the candidate and follows it to its end; the run's view plus its wall-clock seconds. */
	private static JsonNode runToTheEnd(Api api, String candidate) throws Exception {
		long start = System.nanoTime();
		String id = api.post("governance", "/api/whatif", JSON.createObjectNode().put("candidate", candidate).toString())
			.expect(202)
			.json()
			.get("id")
			.asString();
		JsonNode run;
		do {
			Thread.sleep(200);
			run = api.get("governance", "/api/whatif/" + id).expect(200).json();
		}
		while (run.get("status").asString().equals("RUNNING"));
		return ((ObjectNode) run).put("seconds", (System.nanoTime() - start) / 1e9);
	}

	/** Every valid scenario document and the spec example, for the ambassador's board. */
	private static List<JsonNode> proposals() throws Exception {
		List<JsonNode> proposals = new ArrayList<>();
		YAMLMapper yaml = YAMLMapper.builder().build();
		for (Scenarios.ScenarioFile file : Scenarios.load()) {
			if (!file.scenario().expect().invalid()) {
				ObjectNode proposal = (ObjectNode) yaml.readTree(file.path().toFile()).get("given");
				// a scenario may leave out answers the rules do not need but a submission does
				for (String[] answer : new String[][] { { "evidence", "dataDisaggregated" },
						{ "engagement", "affectedCommunitiesEngaged" }, { "monitoring", "planned" } }) {
					ObjectNode section = proposal.has(answer[0]) ? (ObjectNode) proposal.get(answer[0])
							: proposal.putObject(answer[0]);
					if (!section.has(answer[1])) {
						section.put(answer[1], false);
					}
				}
				proposals.add(proposal.put("board", "PLANNED_CARE"));
			}
		}
		try (InputStream in = WhatIfFigures.class.getResourceAsStream("/proposals/proposal-example.json")) {
			proposals.add(JSON.readTree(in));
		}
		return proposals;
	}

	/**
	 * Copies the stored assessments and their evaluations until there are {@code total}, with new ids,
	 * boards spread over six, in batches; the app is stopped, so the H2 file is opened directly.
	 */
	private static int copyTo(Path data, int total) throws Exception {
		String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("equity-lens");
		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			db.setAutoCommit(false);
			List<String[]> assessments = new ArrayList<>();
			List<Object[]> evaluations = new ArrayList<>();
			try (ResultSet rows = db.createStatement().executeQuery("""
					select a.title, a.form_version, a.answers, e.document, e.rulebase_version, e.rating,
					       e.residual_rating, e.score, e.residual_score, e.fired_rules, e.result
					from assessment a join evaluation e on e.assessment_id = a.id""")) {
				while (rows.next()) {
					assessments.add(new String[] { rows.getString(1), rows.getString(2), rows.getString(3) });
					evaluations.add(new Object[] { rows.getString(4), rows.getString(5), rows.getString(6),
							rows.getString(7), rows.getInt(8), rows.getInt(9), rows.getString(10), rows.getString(11) });
				}
			}
			int existing = assessments.size();
			Instant now = Instant.now();
			try (PreparedStatement assessment = db.prepareStatement("""
					insert into assessment (id, board, title, status, form_version, answers, version, created_at,
					                        updated_at, submitted_at, created_by)
					values (?, ?, ?, 'SUBMITTED', ?, ?, 1, ?, ?, ?, 'ambassador')""");
					PreparedStatement evaluation = db.prepareStatement("""
							insert into evaluation (id, assessment_id, sequence, reason, document, form_version,
							    rulebase_version, rating, residual_rating, score, residual_score, fired_rules, result,
							    evaluated_at)
							values (?, ?, 1, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
				for (int i = existing; i < total; i++) {
					String[] a = assessments.get(i % existing);
					Object[] e = evaluations.get(i % existing);
					UUID id = UUID.randomUUID();
					Timestamp when = Timestamp.from(now.minus(i % 720, ChronoUnit.DAYS));
					assessment.setObject(1, id);
					assessment.setString(2, BOARDS.get(i % BOARDS.size()));
					assessment.setString(3, a[0]);
					assessment.setString(4, a[1]);
					assessment.setString(5, a[2]);
					assessment.setTimestamp(6, when);
					assessment.setTimestamp(7, when);
					assessment.setTimestamp(8, when);
					assessment.addBatch();
					evaluation.setObject(1, UUID.randomUUID());
					evaluation.setObject(2, id);
					evaluation.setString(3, (String) e[0]);
					evaluation.setString(4, a[1]);
					for (int c = 1; c < e.length; c++) {
						evaluation.setObject(4 + c, e[c]);
					}
					evaluation.setTimestamp(12, when);
					evaluation.addBatch();
					if ((i + 1) % 1000 == 0 || i == total - 1) {
						assessment.executeBatch();
						evaluation.executeBatch();
						db.commit();
					}
				}
			}
			return total;
		}
	}

}
