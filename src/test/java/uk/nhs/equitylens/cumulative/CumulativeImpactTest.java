package uk.nhs.equitylens.cumulative;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.web.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cumulative impact report over HTTP: the ambassador submits four proposals that hit digitally
 * excluded people, all naming areas in Redditch (Worcestershire), the board approves one, sends
 * one back for changes and rejects one; the report then counts the approved and pending ones and
 * leaves out the rejected one, per cohort, per district and per LSOA, within the period and the
 * boards the caller may see, and the page tags the rows with three changes or more.
 * <p>
 * The application context (and so its database) may be shared with other tests, so counts are
 * checked against the report as it stood before these proposals were submitted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(Lifecycle.PER_CLASS)
class CumulativeImpactTest {

	private static final String DIGITALLY_EXCLUDED = "DIGITALLY_EXCLUDED";

	private static final String REDDITCH = "E07000236";

	private static final String HEREFORDSHIRE = "E06000019";

	/** Redditch 011D: in the IMD 2019 (2011 LSOAs) and IoD 2025 (2021 LSOAs) tables alike. */
	private static final String REDDITCH_011D = "E01032260";

	/** Redditch 004B: in both tables too. */
	private static final String REDDITCH_004B = "E01032225";

	/** Herefordshire 017D. */
	private static final String HEREFORDSHIRE_017D = "E01013995";

	/** A 2021 LSOA code that the IMD 2019 table does not have, so no district is known for it. */
	private static final String NEW_IN_2021 = "E01033769";

	private static final ZoneId UK = ZoneId.of("Europe/London");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	private ObjectNode example;

	private int cohortBefore;

	private int redditchBefore;

	/** Approved: Redditch 011D and 004B. */
	private String approved;

	/** Sent back with changes requested (still pending): Redditch 004B. */
	private String changesRequested;

	/** Submitted: Redditch 011D, Herefordshire and a new 2021 area. */
	private String submitted;

	/** Rejected: Redditch 011D; never counted. */
	private String rejected;

	@BeforeAll
	void submitFourProposalsAndDecideThree() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			example = (ObjectNode) json.readTree(in);
		}
		JsonNode before = report("ambassador", "");
		cohortBefore = count(before.get("cohorts"), DIGITALLY_EXCLUDED);
		redditchBefore = count(before.get("districts"), REDDITCH);

		approved = submit("Online-only outpatient letters", List.of(REDDITCH_011D, REDDITCH_004B), "AGE");
		changesRequested = submit("App-only physiotherapy booking", List.of(REDDITCH_004B));
		submitted = submit("Video-first dermatology follow-up", List.of(REDDITCH_011D, HEREFORDSHIRE_017D, NEW_IN_2021));
		rejected = submit("Online-only repeat prescriptions", List.of(REDDITCH_011D));

		// APPROVED: assessment.status is varchar(20) (V1 migration), too short for APPROVED_WITH_CONDITIONS
		decide(approved, json.createObjectNode().put("decision", "APPROVED").put("reason", "The contract ends in March")
			.put("overrideJustification", "The phone route is committed; the residual risk is accepted"));
		decide(changesRequested, json.createObjectNode().put("decision", "CHANGES_REQUESTED")
			.put("reason", "Say how people without a smartphone book"));
		decide(rejected, json.createObjectNode().put("decision", "REJECTED").put("reason", "Not safe for now"));
	}

	@Test
	void aCohortCountsTheApprovedAndPendingProposalsThatHitItAndNotTheRejectedOne() throws Exception {
		JsonNode report = report("ambassador", "");

		JsonNode row = row(report.get("cohorts"), DIGITALLY_EXCLUDED);
		assertThat(row.get("label").asString()).isEqualTo("People who are digitally excluded");
		assertThat(row.get("count").asInt()).isEqualTo(cohortBefore + 3).isEqualTo(row.get("proposals").size());
		assertThat(row.get("approved").asInt() + row.get("pending").asInt()).isEqualTo(row.get("count").asInt());
		assertThat(row.get("highlight").asBoolean()).isTrue();
		assertThat(mine(row.get("proposals"))).containsExactly(approved, changesRequested, submitted);
		assertThat(proposal(row.get("proposals"), approved).get("status").asString()).isEqualTo("approved");
		assertThat(proposal(row.get("proposals"), approved).get("assessmentStatus").asString()).isEqualTo("APPROVED");
		assertThat(proposal(row.get("proposals"), approved).get("cohorts").valueStream().map(JsonNode::asString))
			.containsExactly(DIGITALLY_EXCLUDED, "AGE");
		assertThat(proposal(row.get("proposals"), changesRequested).get("status").asString()).isEqualTo("pending");
		assertThat(proposal(row.get("proposals"), changesRequested).get("assessmentStatus").asString())
			.isEqualTo("CHANGES_REQUESTED");
		JsonNode pending = proposal(row.get("proposals"), submitted);
		assertThat(pending.get("status").asString()).isEqualTo("pending");
		assertThat(pending.get("title").asString()).startsWith("Video-first dermatology follow-up");
		assertThat(pending.get("board").asString()).isEqualTo("PLANNED_CARE");
		assertThat(pending.get("boardLabel").asString()).isEqualTo("Elective and Planned Care");
		assertThat(pending.get("submitted").asString()).isEqualTo(LocalDate.now(UK).toString());
		assertThat(allProposals(report)).doesNotContain(rejected);

		JsonNode inRedditch = row(row.get("districts"), REDDITCH);
		assertThat(inRedditch.get("name").asString()).isEqualTo("Redditch");
		assertThat(mine(inRedditch.get("proposals"))).containsExactly(approved, changesRequested, submitted);
		assertThat(inRedditch.get("highlight").asBoolean()).isTrue();
		assertThat(mine(row(row.get("districts"), HEREFORDSHIRE).get("proposals"))).containsExactly(submitted);

		assertThat(counts(report.get("cohorts"))).isSortedAccordingTo((a, b) -> b - a);
		assertThat(report.get("cohorts").valueStream().map(c -> c.get("count").asInt())).allMatch(c -> c > 0);
		assertThat(report.get("highlightAt").asInt()).isEqualTo(3);
	}

	@Test
	void aDistrictCountsTheProposalsThatNameItsAreasWithEachLsoaAndTheCohortsHit() throws Exception {
		JsonNode report = report("ambassador", "");

		JsonNode redditch = row(report.get("districts"), REDDITCH);
		assertThat(redditch.get("name").asString()).isEqualTo("Redditch");
		assertThat(redditch.get("count").asInt()).isEqualTo(redditchBefore + 3).isEqualTo(redditch.get("proposals").size());
		assertThat(redditch.get("approved").asInt() + redditch.get("pending").asInt()).isEqualTo(redditch.get("count").asInt());
		assertThat(redditch.get("highlight").asBoolean()).isTrue();
		assertThat(mine(redditch.get("proposals"))).containsExactly(approved, changesRequested, submitted);
		JsonNode digital = row(redditch.get("cohorts"), DIGITALLY_EXCLUDED);
		assertThat(digital.get("label").asString()).isEqualTo("People who are digitally excluded");
		assertThat(digital.get("count").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(row(redditch.get("cohorts"), "AGE").get("count").asInt()).isGreaterThanOrEqualTo(1);
		JsonNode lsoa011d = row(redditch.get("lsoas"), REDDITCH_011D);
		assertThat(lsoa011d.get("name").asString()).isEqualTo("Redditch 011D");
		assertThat(mine(lsoa011d.get("proposals"))).containsExactly(approved, submitted);
		assertThat(mine(row(redditch.get("lsoas"), REDDITCH_004B).get("proposals"))).containsExactly(approved,
				changesRequested);

		JsonNode herefordshire = row(report.get("districts"), HEREFORDSHIRE);
		assertThat(herefordshire.get("name").asString()).isEqualTo("Herefordshire, County of");
		assertThat(mine(herefordshire.get("proposals"))).containsExactly(submitted);
		JsonNode unplaced = row(report.get("areasWithoutDistrict"), NEW_IN_2021);
		assertThat(mine(unplaced.get("proposals"))).containsExactly(submitted);
		assertThat(unplaced.get("name").isNull()).isTrue();
		assertThat(counts(report.get("districts"))).isSortedAccordingTo((a, b) -> b - a);
		assertThat(report.get("districtSource").asString()).contains("2019", "2021");
		assertThat(report.get("attribution").asString()).contains("Open Government Licence", "2019");
	}

	@Test
	void theReportCoversTheLastTwelveMonthsUnlessAnotherPeriodIsChosen() throws Exception {
		LocalDate today = LocalDate.now(UK);
		JsonNode byDefault = report("ambassador", "");
		assertThat(byDefault.get("to").asString()).isEqualTo(today.toString());
		assertThat(byDefault.get("from").asString()).isEqualTo(today.minusMonths(12).toString());

		LocalDate lastYear = today.minusYears(1);
		JsonNode previousYear = report("ambassador", "?from=" + lastYear.withDayOfYear(1) + "&to="
				+ lastYear.withDayOfYear(lastYear.lengthOfYear()));
		assertThat(previousYear.get("from").asString()).isEqualTo(lastYear.withDayOfYear(1).toString());
		assertThat(allProposals(previousYear)).doesNotContain(approved, changesRequested, submitted, rejected);

		JsonNode today1 = report("ambassador", "?from=" + today + "&to=" + today);
		assertThat(mine(row(today1.get("cohorts"), DIGITALLY_EXCLUDED).get("proposals"))).containsExactly(approved,
				changesRequested, submitted);

		HttpResponse<String> backwards = send("ambassador", "GET", "/api/cumulative?from=" + today + "&to="
				+ today.minusDays(1), null);
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(backwards.body()).get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactly("from");
		assertThat(send("ambassador", "GET", "/api/cumulative?from=yesterday", null).statusCode()).isEqualTo(400);
	}

	@Test
	void eachCallerSeesOnlyTheirBoardsProposalsAndAnAdministratorNone() throws Exception {
		JsonNode otherBoard = report("other.board", "");
		assertThat(otherBoard.get("boards").valueStream().map(JsonNode::asString)).containsExactly("MENTAL_HEALTH");
		assertThat(allProposals(otherBoard)).doesNotContain(approved, changesRequested, submitted, rejected);
		assertThat(send("other.board", "GET", "/api/cumulative?board=PLANNED_CARE", null).statusCode()).isEqualTo(403);

		JsonNode member = report("board.member", "?board=PLANNED_CARE");
		assertThat(member.get("board").asString()).isEqualTo("PLANNED_CARE");
		assertThat(allProposals(member)).contains(approved, changesRequested, submitted).doesNotContain(rejected);
		assertThat(allProposals(report("ambassador", "?board=DIGITAL")))
			.doesNotContain(approved, changesRequested, submitted);

		JsonNode governance = report("governance", "");
		assertThat(allProposals(governance)).contains(approved, changesRequested, submitted).doesNotContain(rejected);
		assertThat(governance.get("boards").valueStream().map(JsonNode::asString)).contains("PLANNED_CARE",
				"MENTAL_HEALTH", "DIGITAL");

		assertThat(send("admin", "GET", "/api/cumulative", null).statusCode()).isEqualTo(403);
		assertThat(send(null, "GET", "/api/cumulative", null).statusCode()).isEqualTo(401);
		assertThat(send("governance", "GET", "/api/cumulative?board=NOWHERE", null).statusCode()).isEqualTo(400);
	}

	@Test
	void thePageListsTheProposalsPerCohortAndDistrictAndTagsThoseWithThreeOrMore() throws Exception {
		JsonNode report = report("board.member", "");
		int count = row(report.get("cohorts"), DIGITALLY_EXCLUDED).get("count").asInt();
		int redditch = row(report.get("districts"), REDDITCH).get("count").asInt();
		WebSession session = WebSession.signIn(port, "board.member", "demo");

		HttpResponse<String> page = session.get("/cumulative");

		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("<h1 class=\"nhsuk-heading-l\">Cumulative impact</h1>", "name=\"from\"", "name=\"to\"",
				"<option value=\"PLANNED_CARE\">Elective and Planned Care</option>")
			.doesNotContain("<option value=\"MENTAL_HEALTH\"");
		String cohortRow = tableRow(html, "data-cohort=\"" + DIGITALLY_EXCLUDED + "\"");
		assertThat(cohortRow).contains("People who are digitally excluded", "nhsuk-tag--red", count + " changes",
				"href=\"/assessments/" + approved + "/review\"", "href=\"/assessments/" + changesRequested + "/review\"",
				"href=\"/assessments/" + submitted + "/review\"", "Approved", "Pending", "Redditch: ")
			.doesNotContain(rejected);
		String redditchRow = tableRow(html, "data-district=\"" + REDDITCH + "\"");
		assertThat(redditchRow).contains("Redditch", "nhsuk-tag--red", redditch + " changes", "E01032260 Redditch 011D",
				"E01032225 Redditch 004B", "href=\"/assessments/" + submitted + "/review\"")
			.doesNotContain(rejected);
		assertThat(html).contains(NEW_IN_2021, "Open Government Licence");

		LocalDate lastYear = LocalDate.now(UK).minusYears(1);
		HttpResponse<String> earlier = session.get("/cumulative?from=" + lastYear.withDayOfYear(1) + "&to="
				+ lastYear.withDayOfYear(lastYear.lengthOfYear()) + "&board=PLANNED_CARE");
		assertThat(earlier.statusCode()).isEqualTo(200);
		assertThat(earlier.body()).doesNotContain(approved, submitted)
			.contains("value=\"" + lastYear.withDayOfYear(1) + "\"", "<option value=\"PLANNED_CARE\" selected=\"selected\">");

		HttpResponse<String> wrong = session.get("/cumulative?from=last+spring");
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("nhsuk-error-summary", "Enter the first day of the period as a real date")
			.doesNotContain("By group of people");

		assertThat(WebSession.signIn(port, "admin", "demo").get("/cumulative").statusCode()).isEqualTo(403);
	}

	private String submit(String title, List<String> areas, String... moreCohorts) throws Exception {
		ObjectNode document = example.deepCopy();
		document.put("title", title + " " + UUID.randomUUID().toString().substring(0, 8));
		ArrayNode cohorts = document.putArray("cohorts");
		// complete for submission: CORE20 and the protected characteristics answered, worse off only where named
		for (String required : List.of("CORE20", "AGE", "DISABILITY", "GENDER_REASSIGNMENT", "MARRIAGE_CIVIL_PARTNERSHIP",
				"PREGNANCY_MATERNITY", "RACE", "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION")) {
			if (!List.of(moreCohorts).contains(required)) {
				cohorts.addObject().put("code", required).put("impact", "NEUTRAL").put("evidence", "No different effect expected");
			}
		}
		cohorts.addObject().put("code", DIGITALLY_EXCLUDED).put("impact", "NEGATIVE")
			.put("evidence", "A third of the patients have no internet at home");
		for (String cohort : moreCohorts) {
			cohorts.addObject().put("code", cohort).put("impact", "NEGATIVE").put("evidence", "Free text");
		}
		cohorts.addObject().put("code", "RURAL_ISOLATED").put("impact", "UNKNOWN");
		ArrayNode named = ((ObjectNode) document.get("population")).putArray("areas");
		areas.forEach(named::add);
		HttpResponse<String> created = send("ambassador", "POST", "/api/assessments?submit=true", document.toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asString();
	}

	private void decide(String id, ObjectNode decision) throws Exception {
		long version = json.readTree(send("board.member", "GET", "/api/assessments/" + id, null).body())
			.get("version").asLong();
		HttpResponse<String> decided = send("board.member", "POST", "/api/assessments/" + id + "/decisions",
				decision.put("version", version).toString());
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
	}

	private JsonNode report(String username, String query) throws Exception {
		HttpResponse<String> response = send(username, "GET", "/api/cumulative" + query, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	/** The row with this code; fails when there is none. */
	private static JsonNode row(JsonNode rows, String code) {
		return rows.valueStream()
			.filter(r -> r.get("code").asString().equals(code))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + code + " in " + rows));
	}

	private static int count(JsonNode rows, String code) {
		return rows.valueStream().filter(r -> r.get("code").asString().equals(code)).mapToInt(r -> r.get("count").asInt())
			.findFirst().orElse(0);
	}

	private static List<Integer> counts(JsonNode rows) {
		return rows.valueStream().map(r -> r.get("count").asInt()).toList();
	}

	private static JsonNode proposal(JsonNode proposals, String id) {
		return proposals.valueStream()
			.filter(p -> p.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no proposal " + id + " in " + proposals));
	}

	/** The ids of this test's proposals in a list, in the list's order. */
	private List<String> mine(JsonNode proposals) {
		Set<String> ours = Set.of(approved, changesRequested, submitted, rejected);
		return proposals.valueStream().map(p -> p.get("id").asString()).filter(ours::contains).toList();
	}

	/** Every proposal id anywhere in a report. */
	private static List<String> allProposals(JsonNode report) {
		List<String> ids = new ArrayList<>();
		Stream.of("cohorts", "districts", "areasWithoutDistrict")
			.flatMap(section -> report.get(section).valueStream())
			.flatMap(row -> row.get("proposals").valueStream())
			.forEach(p -> ids.add(p.get("id").asString()));
		return ids;
	}

	/** The table row ({@code <tr>...</tr>}) whose start tag carries this attribute. */
	private static String tableRow(String html, String attribute) {
		Matcher row = Pattern.compile("<tr[^>]*" + Pattern.quote(attribute) + "[^>]*>.*?</tr>", Pattern.DOTALL)
			.matcher(html);
		assertThat(row.find()).as("a row with %s", attribute).isTrue();
		return row.group();
	}

	private HttpResponse<String> send(String username, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (username != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		return http.send(request.build(), BodyHandlers.ofString());
	}

}
