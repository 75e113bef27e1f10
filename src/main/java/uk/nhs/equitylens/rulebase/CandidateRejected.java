package uk.nhs.equitylens.rulebase;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A candidate rulebase that cannot be used: it does not compile (file:line), a rule lacks its
 * metadata, a scenario fails, or the upload is unsafe. The active rulebase keeps serving.
 */
public class CandidateRejected extends ErrorResponseException {

	private final List<String> problems;

	public CandidateRejected(List<String> problems) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(problems), null);
		this.problems = List.copyOf(problems);
	}

	private static ProblemDetail problem(List<String> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				problems.size() == 1 ? problems.get(0) : problems.size() + " problems; the active rulebase keeps serving.");
		problem.setTitle("Rulebase rejected");
		problem.setProperty("errors", problems);
		return problem;
	}

	public List<String> problems() {
		return problems;
	}

	@Override
	public String getMessage() {
		return String.join("; ", problems);
	}

}
