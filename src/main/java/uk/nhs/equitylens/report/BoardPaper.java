package uk.nhs.equitylens.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.assessment.Assessment;
import uk.nhs.equitylens.assessment.AssessmentResult;
import uk.nhs.equitylens.assessment.AssessmentService;
import uk.nhs.equitylens.assessment.StoredEvaluation;
import uk.nhs.equitylens.form.FormAnswers;
import uk.nhs.equitylens.form.FormDefinition;
import uk.nhs.equitylens.review.Decision;
import uk.nhs.equitylens.review.ReviewService;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * The board paper: one printable assessment with the proposal summary, rating and residual rating
 * (provisional, with why, when the document is incomplete), the ambassador's own rating beside the
 * lens's, harm domain scores and findings, the assurance level with its domain scores and gaps apart
 * from the harm, the mitigation credit, required mitigations (to reduce harm, and assurance actions)
 * with owners and dates, the board's decision and reasons, and the rulebase version. One template serves the HTML
 * for print and the PDF (rendered with page numbers and the date it was generated).
 */
@Service
@Transactional(readOnly = true)
public class BoardPaper {

	static final String TEMPLATE = "report/board-paper";

	/** Liberation Sans, from PDFBox. */
	private static final String PDF_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	/** Noto Naskh Arabic and Noto Emoji (SIL Open Font Licence), copied from npm into the jar by the build. */
	private static final String NASKH_REGULAR = "/fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf";

	private static final String NASKH_BOLD = "/fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf";

	private static final String EMOJI = "/fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf";

	/** The board paper's stylesheet, also served to browsers as /css/board-paper.css. */
	static final String STYLESHEET = "/static/css/board-paper.css";

	private final AssessmentService assessments;

	private final ReviewService reviews;

	private final FormAnswers formAnswers;

	private final Vocabulary vocabulary;

	private final TemplateEngine templates;

	private final Clock clock;

	private final ResultWords words;

	private final String stylesheet;

	BoardPaper(AssessmentService assessments, ReviewService reviews, FormAnswers formAnswers, Vocabulary vocabulary,
			TemplateEngine templates, Clock clock, ResultWords words) {
		this.words = words;
		this.assessments = assessments;
		this.reviews = reviews;
		this.formAnswers = formAnswers;
		this.vocabulary = vocabulary;
		this.templates = templates;
		this.clock = clock;
		this.stylesheet = stylesheet();
	}

	/** What the template shows; the current user must be allowed to read the assessment. */
	public Map<String, Object> model(UUID id) {
		Assessment assessment = assessments.get(id);
		List<StoredEvaluation> evaluations = assessments.evaluations(id);
		if (evaluations.isEmpty()) {
			throw new uk.nhs.equitylens.assessment.IllegalTransitionException(
					"Assessment " + id + " has not been submitted, so there is no board paper yet.");
		}
		AssessmentResult result = assessments.result(evaluations.get(0));
		ObjectNode answers = assessments.answers(assessment);
		FormDefinition form = assessments.formOf(assessment);
		List<Map.Entry<String, List<String>>> summary = new ArrayList<>();
		form.questions().filter(q -> formAnswers.applies(q, answers)).forEach(q -> {
			List<String> lines = formAnswers.summary(q, answers);
			if (!lines.isEmpty()) {
				summary.add(Map.entry(q.label(), lines));
			}
		});
		List<MitigationLine> mitigations = new ArrayList<>();
		for (AssessmentResult.RequiredMitigationView required : result.requiredMitigations()) {
			JsonNode response = find(answers.path("mitigations"), required.code());
			String declined = answers.path("mitigationsDeclined").path(required.code()).asString("");
			mitigations.add(new MitigationLine(required.code(), required.label(), required.ruleId(), required.reason(),
					required.satisfied(), response == null ? (declined.isEmpty() ? "No response" : "Declined: " + declined)
							: response.path("status").asString(""),
					response == null ? "" : response.path("owner").asString(""),
					response == null ? "" : ukDate(response.path("due").asString("")), required.assuranceAction()));
		}
		List<Decision> decisions = reviews.decisions(id);
		ZonedDateTime generated = ZonedDateTime.now(clock.withZone(ZoneId.of("Europe/London")));
		Map<String, Object> model = new java.util.LinkedHashMap<>();
		model.put("assessment", assessment);
		model.put("boardLabel", vocabulary.boardLabel(assessment.getBoard()));
		model.put("summary", summary);
		model.put("result", result);
		model.put("ratings", vocabulary.ratings());
		model.put("harmMitigations", mitigations.stream().filter(m -> !m.assuranceAction()).toList());
		model.put("assuranceActions", mitigations.stream().filter(MitigationLine::assuranceAction).toList());
		model.put("decisions", decisions);
		model.put("evaluation", evaluations.get(0));
		model.put("generated", generated);
		// the PDF is rendered outside a request, where templates reach no beans: the words come with the model
		model.put("words", words);
		return model;
	}

	/** The board paper as HTML (for print, or as the PDF's source). */
	public String html(UUID id, boolean forPdf) {
		Context context = new Context(java.util.Locale.UK);
		context.setVariables(model(id));
		context.setVariable("forPdf", forPdf);
		// the PDF renderer fetches no stylesheet, so it gets the file's rules in the page itself
		context.setVariable("stylesheet", forPdf ? stylesheet : null);
		return templates.process(TEMPLATE, context);
	}

	private static String stylesheet() {
		try (java.io.InputStream in = BoardPaper.class.getResourceAsStream(STYLESHEET)) {
			if (in == null) {
				throw new IllegalStateException("The board paper stylesheet " + STYLESHEET + " is missing");
			}
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The board paper stylesheet could not be read", ex);
		}
	}

	/**
	 * The board paper as PDF. Not in one read-only transaction like the rest of this class: rendering
	 * takes seconds under load, and the transaction held a pooled connection all the while (the mixed
	 * load test saw all 10 in use and 8 requests waiting). The model is read by the services' own
	 * short transactions; the entities it holds have no lazy parts left to load.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public byte[] pdf(UUID id) {
		String html = html(id, true);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			// the PDF's standard fonts draw only Western European letters; Liberation Sans (shipped in PDFBox,
			// SIL Open Font Licence) also has Welsh (ŵ, ŷ), Polish and the rest of Latin, Greek and Cyrillic.
			// Letters it lacks fall back, per character, to the next family in the stylesheet's list: Noto
			// Naskh Arabic (Urdu, Arabic; joined and right to left by RightToLeftText), then Noto Emoji.
			// Those two (1.3 MB to parse) and right-to-left support (every paragraph split by direction) are
			// set up only for a paper that has such characters, so an English paper does no more than before.
			builder.useFont(() -> PDDocument.class.getResourceAsStream(PDF_FONT), "Liberation Sans");
			if (html.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
				builder.useFont(() -> BoardPaper.class.getResourceAsStream(NASKH_REGULAR), "Noto Naskh Arabic", 400,
						BaseRendererBuilder.FontStyle.NORMAL, true);
				builder.useFont(() -> BoardPaper.class.getResourceAsStream(NASKH_BOLD), "Noto Naskh Arabic", 700,
						BaseRendererBuilder.FontStyle.NORMAL, true);
				builder.useUnicodeBidiSplitter(RightToLeftText.splitters());
				builder.useUnicodeBidiReorderer(RightToLeftText.reorderer());
			}
			if (html.codePoints().anyMatch(BoardPaper::mayBeEmoji)) {
				builder.useFont(() -> BoardPaper.class.getResourceAsStream(EMOJI), "Noto Emoji");
			}
			builder.withHtmlContent(html, "/");
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The board paper could not be rendered as PDF", ex);
		}
	}

	/** Symbols and pictographs Liberation Sans does not draw, where Noto Emoji may. */
	private static boolean mayBeEmoji(int codePoint) {
		return codePoint >= 0x1F000 || (codePoint >= 0x2300 && codePoint <= 0x2BFF) || codePoint == 0xFE0F;
	}

	/** 2027-03-31 as a board paper writes it: 31 March 2027. */
	private static String ukDate(String iso) {
		if (iso.isEmpty()) {
			return "";
		}
		return java.time.LocalDate.parse(iso).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
	}

	private static JsonNode find(JsonNode list, String code) {
		for (JsonNode item : list) {
			if (code.equals(item.path("code").asString(""))) {
				return item;
			}
		}
		return null;
	}

	/**
	 * A required mitigation with the ambassador's response, owner and due date.
	 *
	 * @param assuranceAction it closes a gap in the assessment rather than reducing harm
	 */
	public record MitigationLine(String code, String label, String ruleId, String reason, boolean satisfied,
			String response, String owner, String due, boolean assuranceAction) {
	}

}
