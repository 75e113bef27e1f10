package uk.nhs.equitylens.system;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import uk.nhs.equitylens.proposal.InvalidProposalException;
import uk.nhs.equitylens.proposal.Violation;

/**
 * Every API error is {@code application/problem+json}. An invalid proposal lists each field at
 * fault under {@code errors}; unreadable JSON names the field and what was expected; nothing
 * internal (stack traces, class names) reaches the client.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidProposalException.class)
	ResponseEntity<ProblemDetail> invalidProposal(InvalidProposalException ex) {
		List<Violation> violations = ex.violations();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				violations.size() == 1 ? "1 field needs correcting." : violations.size() + " fields need correcting.");
		problem.setTitle("The proposal document is not valid");
		problem.setProperty("errors", violations);
		return problem(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestTooLargeException tooLarge = cause(ex, RequestTooLargeException.class);
		if (tooLarge != null) {
			return cast(problem(RequestSizeLimitFilter.tooLarge(tooLarge.limit())));
		}
		ProblemDetail problem;
		MismatchedInputException mismatch = cause(ex, MismatchedInputException.class);
		StreamReadException syntax = cause(ex, StreamReadException.class);
		if (mismatch != null && !mismatch.getPath().isEmpty()) {
			String field = path(mismatch);
			String message = expected(mismatch);
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
			problem.setTitle("The proposal document is not valid");
			problem.setProperty("errors", List.of(new Violation(field, message)));
		}
		else if (syntax != null) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The body is not well-formed JSON" + location(syntax) + ".");
			problem.setTitle("Malformed JSON");
		}
		else if (mismatch != null) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The body must be a JSON object: the proposal document.");
			problem.setTitle("The proposal document is not valid");
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The body is missing or cannot be read as a JSON proposal document.");
			problem.setTitle("Unreadable request body");
		}
		return cast(problem(problem));
	}

	/** Anything unexpected: logged here with its cause, answered with no internals. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error answering an API request", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; nothing you sent was stored. Please try again, and tell the "
						+ "service team if it happens again.");
		problem.setTitle("Internal error");
		return problem(problem);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response == null || !(response.getBody() instanceof ProblemDetail)) {
			return response;
		}
		return ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(response.getBody());
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
		return (ResponseEntity) response;
	}

	/** The JSON path in the document's own terms: {@code population.affected}, {@code cohorts[1].impact}. */
	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static final Map<Class<?>, String> EXPECTED = Map.of(Long.class, "a whole number", Integer.class,
			"a whole number", Double.class, "a number", Boolean.class, "true or false", String.class, "text",
			java.time.LocalDate.class, "a date like 2027-03-31", List.class, "a list [...]");

	private static String expected(MismatchedInputException ex) {
		Class<?> target = ex.getTargetType();
		String wanted = target == null ? null : EXPECTED.get(target);
		if (wanted == null && target != null && target.isRecord()) {
			wanted = "an object {...}";
		}
		if (ex instanceof InvalidFormatException format && format.getValue() != null && wanted != null) {
			return "expected " + wanted + ", not '" + shorten(String.valueOf(format.getValue())) + "'";
		}
		return wanted == null ? "has the wrong type" : "expected " + wanted;
	}

	private static String location(StreamReadException ex) {
		if (ex.getLocation() == null || ex.getLocation().getLineNr() < 1) {
			return "";
		}
		return " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")";
	}

	private static String shorten(String value) {
		return value.length() <= 40 ? value : value.substring(0, 37) + "...";
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

}
