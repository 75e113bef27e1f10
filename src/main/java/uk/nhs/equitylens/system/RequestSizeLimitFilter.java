package uk.nhs.equitylens.system;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses API request bodies over the limit with 413 problem+json: at once when the declared
 * length is too large, and while reading when a chunked body runs past it. Nothing over the limit is
 * ever buffered.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final JsonMapper json;

	RequestSizeLimitFilter(@Value("${equitylens.api.max-request-bytes:1048576}") long limit, JsonMapper json) {
		this.limit = limit;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getServletPath().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			ProblemDetail problem = tooLarge(limit);
			problem.setInstance(URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			json.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(new InspectedRequest(request, new Limit(limit)), response);
	}

	static ProblemDetail tooLarge(long limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the limit of " + limit + " bytes (" + (limit / 1024)
						+ " KiB). A proposal document is far smaller; check what is being sent.");
		problem.setTitle("Request body too large");
		return problem;
	}

	/** Fails the body's reading once more than {@code limit} bytes have been read. */
	private static final class Limit implements InspectedRequest.Inspector {

		private final long limit;

		private long read;

		Limit(long limit) {
			this.limit = limit;
		}

		@Override
		public void read(byte[] buffer, int offset, int length) throws RequestTooLargeException {
			read += length;
			if (read > limit) {
				throw new RequestTooLargeException(limit);
			}
		}

	}

}
