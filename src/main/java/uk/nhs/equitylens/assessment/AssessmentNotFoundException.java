package uk.nhs.equitylens.assessment;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No assessment has this id: 404. */
public class AssessmentNotFoundException extends ErrorResponseException {

	public AssessmentNotFoundException(UUID id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(UUID id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no assessment " + id + ".");
		problem.setTitle("Assessment not found");
		return problem;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
