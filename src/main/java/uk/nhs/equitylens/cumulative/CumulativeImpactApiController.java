package uk.nhs.equitylens.cumulative;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cumulative impact report over the API: {@code GET /api/cumulative?from=&to=&board=} (dates as
 * {@code YYYY-MM-DD}, all optional; the last twelve months and every board in view by default).
 */
@RestController
class CumulativeImpactApiController {

	private final CumulativeImpactService service;

	CumulativeImpactApiController(CumulativeImpactService service) {
		this.service = service;
	}

	@GetMapping(path = "/api/cumulative", produces = MediaType.APPLICATION_JSON_VALUE)
	CumulativeImpactReport report(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String board) {
		return service.report(from, to, board);
	}

}
