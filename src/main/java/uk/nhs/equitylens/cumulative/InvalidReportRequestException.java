package uk.nhs.equitylens.cumulative;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import uk.nhs.equitylens.proposal.Violation;

/**
 * The filters of a cumulative impact report cannot be used (a period that ends before it starts, a
 * board that does not exist): {@code 400 application/problem+json} listing each field at fault under
 * {@code errors}, like an invalid proposal.
 */
public class InvalidReportRequestException extends ErrorResponseException {

	private final List<Violation> violations;

	public InvalidReportRequestException(List<Violation> violations) {
		super(HttpStatus.BAD_REQUEST, problem(violations), null);
		this.violations = List.copyOf(violations);
	}

	/** Each field at fault, with what is wrong with it. */
	public List<Violation> violations() {
		return violations;
	}

	private static ProblemDetail problem(List<Violation> violations) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				violations.size() == 1 ? "1 filter needs correcting." : violations.size() + " filters need correcting.");
		problem.setTitle("The report's filters are not valid");
		problem.setProperty("errors", List.copyOf(violations));
		return problem;
	}

}
