package uk.nhs.equitylens.assessment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An assessment asked to move in a way its state does not allow: 409 Conflict. */
public class IllegalTransitionException extends ErrorResponseException {

	public IllegalTransitionException(String message) {
		super(HttpStatus.CONFLICT, problem(message), null);
	}

	private static ProblemDetail problem(String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message);
		problem.setTitle("Not allowed in the assessment's current state");
		return problem;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
