package uk.nhs.equitylens.report;

import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import uk.nhs.equitylens.system.WebPage;

/** The board paper: HTML for print, and PDF for pages and the API. */
@Controller
class BoardPaperController implements WebPage {

	private static final String ID = "{id:[0-9a-fA-F-]{36}}";

	private final BoardPaper paper;

	BoardPaperController(BoardPaper paper) {
		this.paper = paper;
	}

	@GetMapping("/assessments/" + ID + "/report")
	String html(@PathVariable UUID id, Model model) {
		model.addAllAttributes(paper.model(id));
		model.addAttribute("forPdf", false);
		return BoardPaper.TEMPLATE;
	}

	@GetMapping("/assessments/" + ID + "/report.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return pdfResponse(id, paper.pdf(id));
	}

	static ResponseEntity<byte[]> pdfResponse(UUID id, byte[] pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("board-paper-" + id + ".pdf").build().toString())
			.body(pdf);
	}

}
