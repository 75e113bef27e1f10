package uk.nhs.equitylens.system;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body is shown, as it is read, to an {@link Inspector} that may refuse it by
 * throwing: the API's size limit and its UTF-8 check, without buffering the body.
 */
final class InspectedRequest extends HttpServletRequestWrapper {

	/** Sees every chunk of the body as it is read, and its end. */
	interface Inspector {

		void read(byte[] buffer, int offset, int length) throws IOException;

		default void end() throws IOException {
		}

	}

	private final Inspector inspector;

	private ServletInputStream stream;

	InspectedRequest(HttpServletRequest request, Inspector inspector) {
		super(request);
		this.inspector = inspector;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (stream == null) {
			stream = new InspectedStream(super.getInputStream(), inspector);
		}
		return stream;
	}

	private static final class InspectedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final Inspector inspector;

		private final byte[] single = new byte[1];

		InspectedStream(ServletInputStream in, Inspector inspector) {
			this.in = in;
			this.inspector = inspector;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b < 0) {
				inspector.end();
			}
			else {
				single[0] = (byte) b;
				inspector.read(single, 0, 1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n < 0) {
				inspector.end();
			}
			else if (n > 0) {
				inspector.read(buffer, offset, n);
			}
			return n;
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
