package uk.nhs.equitylens.assessment;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.equitylens.proposal.ProposalDocument;

/**
 * A dry run of the lens: proposal document in, assessment result out, nothing stored. Invalid
 * documents are answered with 400 problem+json naming every field at fault (see
 * {@code ApiExceptionHandler}).
 */
@RestController
class EvaluateController {

	private final Assessor assessor;

	EvaluateController(Assessor assessor) {
		this.assessor = assessor;
	}

	@PostMapping(path = "/api/assessments/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	AssessmentResult evaluate(@RequestBody ProposalDocument document) {
		return assessor.evaluate(document).result();
	}

}
