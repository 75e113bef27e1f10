package uk.nhs.equitylens.system;

import java.io.IOException;

/** A JSON request body that is not UTF-8 text, found at {@code position} (bytes from the start). */
class InvalidUtf8Exception extends IOException {

	private final long position;

	InvalidUtf8Exception(long position) {
		super("The request body is not valid UTF-8 at byte " + position + ".");
		this.position = position;
	}

	long position() {
		return position;
	}

}
