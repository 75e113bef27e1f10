package uk.nhs.equitylens.report;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The board paper as PDF over the API. */
@RestController
class BoardPaperApiController {

	private final BoardPaper paper;

	BoardPaperApiController(BoardPaper paper) {
		this.paper = paper;
	}

	@GetMapping(path = "/api/assessments/{id:[0-9a-fA-F-]{36}}/report.pdf", produces = "application/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return BoardPaperController.pdfResponse(id, paper.pdf(id));
	}

}
