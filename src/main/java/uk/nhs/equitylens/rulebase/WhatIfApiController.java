package uk.nhs.equitylens.rulebase;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What-if runs over the API: start, follow, cancel, export. */
@RestController
class WhatIfApiController {

	private static final String ID = "/api/whatif/{id:[0-9a-fA-F-]{36}}";

	private final WhatIf whatIf;

	private final Dashboard dashboard;

	WhatIfApiController(WhatIf whatIf, Dashboard dashboard) {
		this.whatIf = whatIf;
		this.dashboard = dashboard;
	}

	/** Rule outcomes per programme board (governance). */
	@GetMapping(path = "/api/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Dashboard.BoardOutcomes> dashboard() {
		return dashboard.outcomes();
	}

	@PostMapping(path = "/api/whatif", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> start(@RequestBody StartRequest request) {
		UUID id = whatIf.start(request.candidate(), request.board(), request.from(), request.to());
		return Map.of("id", id, "status", "RUNNING", "location", "/api/whatif/" + id);
	}

	@GetMapping(path = ID, produces = MediaType.APPLICATION_JSON_VALUE)
	WhatIf.Run get(@PathVariable UUID id) {
		return whatIf.get(id);
	}

	@PostMapping(path = ID + "/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
	WhatIf.Run cancel(@PathVariable UUID id) {
		whatIf.cancel(id);
		return whatIf.get(id);
	}

	@GetMapping(path = ID + "/report.csv")
	void csv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		whatIf.get(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"what-if-" + id + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		whatIf.csv(id, out);
		out.flush();
	}

	record StartRequest(String candidate, String board, LocalDate from, LocalDate to) {
	}

}
