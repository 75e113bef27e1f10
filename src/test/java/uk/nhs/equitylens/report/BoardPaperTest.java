package uk.nhs.equitylens.report;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.web.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board paper renders as a PDF whose text carries the rating, every finding's rule id, every
 * required mitigation with its owner, the decision and its reason, page numbers and the date it was
 * generated; and as HTML for print.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BoardPaperTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void thePdfCarriesTheRatingEveryFindingAndEveryRequiredMitigation() throws Exception {
		ObjectNode document;
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			document = (ObjectNode) json.readTree(in);
		}
		document.remove("mitigations");
		document.put("title", "Hearing aftercare <b>online</b> & booking");
		String id = json.readTree(send("ambassador", "POST", "/api/assessments?submit=true", document.toString()).body())
			.get("id").asString();
		ObjectNode responses = json.createObjectNode();
		responses.putArray("mitigations").addObject().put("code", "NON_DIGITAL_ROUTE").put("status", "COMMITTED")
			.put("owner", "Audiology service manager").put("due", "2027-03-31");
		JsonNode assessment = json.readTree(send("ambassador", "PUT", "/api/assessments/" + id + "/mitigations",
				responses.toString()).body());
		send("board.member", "POST", "/api/assessments/" + id + "/decisions", json.createObjectNode()
			.put("decision", "APPROVED").put("reason", "Phone route committed").put("overrideJustification", "Pilot only")
			.put("version", assessment.get("version").asLong()).toString());
		JsonNode result = assessment.get("evaluations").get(0).get("result");

		HttpResponse<byte[]> pdf = http.send(request("governance", "/api/assessments/" + id + "/report.pdf").GET().build(),
				BodyHandlers.ofByteArray());

		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		Files.createDirectories(Path.of("target", "reports"));
		Files.write(Path.of("target", "reports", "board-paper.pdf"), pdf.body());
		String text;
		try (PDDocument paper = Loader.loadPDF(pdf.body())) {
			assertThat(paper.getNumberOfPages()).isGreaterThanOrEqualTo(2);
			text = new PDFTextStripper().getText(paper).replaceAll("\\s+", " ");
		}
		assertThat(text).contains("Hearing aftercare <b>online</b> & booking", result.get("rating").asString(),
				result.get("residualRating").asString(), "Page 1 of", "Generated", "APPROVED", "Phone route committed",
				"Override of the lens: Pilot only", "Audiology service manager", "31 March 2027",
				result.get("rulebaseVersion").asString().substring(0, 20));
		for (JsonNode finding : result.get("findings")) {
			assertThat(text).contains(finding.get("ruleId").asString());
		}
		for (JsonNode mitigation : result.get("requiredMitigations")) {
			assertThat(text).contains("(" + mitigation.get("code").asString() + ")");
		}

		HttpResponse<byte[]> page = http.send(request("other.board", "/api/assessments/" + id + "/report.pdf").GET().build(),
				BodyHandlers.ofByteArray());
		assertThat(page.statusCode()).isEqualTo(403);

		WebSession board = WebSession.signIn(port, "board.member", "demo");
		HttpResponse<String> html = board.get("/assessments/" + id + "/report");
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(html.body()).contains("Download this board paper as PDF", "Hearing aftercare &lt;b&gt;online&lt;/b&gt;")
			.doesNotContain("<b>online</b>");
		HttpResponse<String> pagePdf = board.get("/assessments/" + id + "/report.pdf");
		assertThat(pagePdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
	}

	@Test
	void thePaperShowsHarmAndAssuranceApartAndTheAmbassadorsOwnRating() throws Exception {
		ObjectNode document;
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			document = (ObjectNode) json.readTree(in);
		}
		document.put("title", "Hearing aftercare: the board paper's assurance");
		// no areas: other tests' submissions of the same example in the same areas would add cumulative pressure
		((ObjectNode) document.get("population")).remove("areas");
		document.putObject("assessorView").put("rating", "MODERATE").put("reason", "A telephone line stays.");
		JsonNode assessment = json.readTree(send("ambassador", "POST", "/api/assessments?submit=true",
				document.toString()).body());
		String id = assessment.get("id").asString();
		JsonNode result = assessment.get("evaluations").get(0).get("result");
		assertThat(result.get("assurance").get("level").asString()).isEqualTo("WEAK");
		assertThat(result.get("rating").asString()).isEqualTo("HIGH");

		HttpResponse<byte[]> pdf = http.send(request("board.member", "/api/assessments/" + id + "/report.pdf").GET().build(),
				BodyHandlers.ofByteArray());

		assertThat(pdf.statusCode()).isEqualTo(200);
		Files.createDirectories(Path.of("target", "reports"));
		Files.write(Path.of("target", "reports", "board-paper-assurance.pdf"), pdf.body());
		String text;
		try (PDDocument paper = Loader.loadPDF(pdf.body())) {
			text = new PDFTextStripper().getText(paper).replaceAll("\\s+", " ");
		}
		assertThat(text).contains("Lens: HIGH. Ambassador: MODERATE \u2014 A telephone line stays.",
				"Differs from the lens: the ambassador rates it lower",
				"WEAK Not well founded: the board cannot yet show due regard",
				result.get("mitigation").get("explanation").asString());
		int harm = text.indexOf("Harm found (");
		int assurance = text.indexOf("How well founded the assessment is");
		int gaps = text.indexOf("Gaps in the assessment (" + result.get("assurance").get("gaps").size() + ")");
		int reduceHarm = text.indexOf("To reduce harm");
		int actions = text.indexOf("Assurance actions");
		assertThat(List.of(harm, assurance, gaps, reduceHarm, actions)).allMatch(at -> at >= 0).isSorted();
		result.get("assurance").get("domainScores").properties().forEach(d -> assertThat(text.substring(assurance, gaps))
			.contains(d.getKey().substring(0, 1).toUpperCase() + d.getKey().substring(1) + " " + d.getValue().asInt()));
		for (JsonNode finding : result.get("findings")) {
			int at = text.indexOf("Rule " + finding.get("ruleId").asString() + ",");
			if (finding.get("kind").asString().equals("assurance")) {
				assertThat(at).as(finding.get("ruleId").asString()).isBetween(gaps, reduceHarm);
			}
			else {
				assertThat(at).as(finding.get("ruleId").asString()).isBetween(harm, assurance);
			}
		}
		for (JsonNode required : result.get("requiredMitigations")) {
			int at = text.lastIndexOf("(" + required.get("code").asString() + ")");
			if (required.get("assuranceAction").asBoolean()) {
				assertThat(at).as(required.get("code").asString()).isGreaterThan(actions);
			}
			else {
				assertThat(at).as(required.get("code").asString()).isBetween(reduceHarm, actions);
			}
		}
		assertThat(text).doesNotContain("Provisional rating");

		String html = WebSession.signIn(port, "board.member", "demo").get("/assessments/" + id + "/report").body();
		assertThat(html).contains("id=\"assessor-view\"", "flag flag-differs", "assurance assurance-WEAK");
	}

	private HttpRequest.Builder request(String user, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
		return http.send(request(user, path).header("Content-Type", "application/json")
			.method(method, BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
	}

}
