package uk.nhs.equitylens.system;

import java.io.IOException;

/** A request body over the configured limit ({@code equitylens.api.max-request-bytes}). */
class RequestTooLargeException extends IOException {

	private final long limit;

	RequestTooLargeException(long limit) {
		super("The request body is larger than the limit of " + limit + " bytes.");
		this.limit = limit;
	}

	long limit() {
		return limit;
	}

}
