package uk.nhs.equitylens.rulebase;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Candidate rulebases (from a server folder or an uploaded zip) and their activation. */
@RestController
class RulebaseApiController {

	private final Candidates candidates;

	RulebaseApiController(Candidates candidates) {
		this.candidates = candidates;
	}

	@PostMapping(path = "/api/rulebase/candidates", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Candidates.Candidate fromFolder(@RequestBody FolderRequest request) {
		return candidates.fromFolder(request.folder() == null ? "" : request.folder());
	}

	@PostMapping(path = "/api/rulebase/candidates", consumes = { "application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Candidates.Candidate fromZip(@RequestBody byte[] zip) {
		return candidates.fromZip(zip);
	}

	@PostMapping(path = "/api/rulebase/candidates/{version}/activate", produces = MediaType.APPLICATION_JSON_VALUE)
	Candidates.Activation activate(@PathVariable String version) {
		return candidates.activate(version);
	}

	record FolderRequest(String folder) {
	}

}
