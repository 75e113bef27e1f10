package uk.nhs.equitylens.system;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import uk.nhs.equitylens.proposal.InvalidProposalException;
import uk.nhs.equitylens.proposal.ProposalReader;
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
			Violation violation = ProposalReader.violation(mismatch);
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					violation.field() + ": " + violation.message());
			problem.setTitle("The proposal document is not valid");
			problem.setProperty("errors", List.of(violation));
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

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Violation> violations = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new Violation(e.getField().replaceAll("\\.<[^>]+>", ""), e.getDefaultMessage()))
			.sorted(java.util.Comparator.comparing(Violation::field))
			.toList();
		return cast(invalidProposal(new InvalidProposalException(violations)));
	}

	/**
	 * Two people changed the same assessment at once: the second is told, never silently overwritten.
	 * (Two evaluations racing for the same sequence number surface as a constraint violation.)
	 */
	@ExceptionHandler({ ObjectOptimisticLockingFailureException.class,
			org.springframework.dao.DataIntegrityViolationException.class })
	ResponseEntity<ProblemDetail> conflict(Exception ex) {
		// logged because a constraint violation is not always a race between two people: this is how a
		// bug that answers 409 (once: concurrent first archiving of a rulebase) shows in the log
		log.warn("Answered 409 to a conflicting change: {}",
				org.springframework.core.NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone else changed this assessment at the same time. Reload it and make your change again.");
		problem.setTitle("Changed by someone else");
		return problem(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setTitle("Not allowed");
		return problem(problem);
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Sign in first.");
		problem.setTitle("Sign in required");
		return problem(problem);
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

	/**
	 * An address that does not exist: problem+json for the API, the NHS-style "Page not found" page
	 * (Boot's error page, templates/error.html) for anything a browser asked for.
	 */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(
			org.springframework.web.servlet.resource.NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet
				&& !servlet.getRequest().getRequestURI().startsWith(servlet.getRequest().getContextPath() + "/api/")
				&& servlet.getResponse() != null) {
			try {
				servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
			}
			catch (java.io.IOException io) {
				throw new java.io.UncheckedIOException(io);
			}
			return null;
		}
		return super.handleNoResourceFoundException(ex, headers, status, request);
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

	private static String location(StreamReadException ex) {
		if (ex.getLocation() == null || ex.getLocation().getLineNr() < 1) {
			return "";
		}
		return " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")";
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
