package uk.nhs.equitylens.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON sent to the API must be UTF-8 (RFC 8259, section 8.1). The body is checked as it is read:
 * a byte sequence that is not UTF-8 (Latin-1 bytes, a truncated or overlong sequence, a surrogate)
 * or a NUL byte (which UTF-16 text is full of, and which JSON never contains unescaped) stops the
 * reading with {@link InvalidUtf8Exception}, answered as 400 problem+json. Without this the JSON
 * parser would guess UTF-16 or UTF-32 from the first bytes, or report a Latin-1 letter as a syntax
 * error.
 */
@Component
class Utf8BodyFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !request.getServletPath().startsWith("/api/") || type == null
				|| !type.toLowerCase(java.util.Locale.ROOT).matches("application/([a-z0-9.+-]*\\+)?json(\\s*;.*)?");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new InspectedRequest(request, new Utf8Check()), response);
	}

	static final class Utf8Check implements InspectedRequest.Inspector {

		private long position;

		private int needed;

		private int low = 0x80;

		private int high = 0xBF;

		@Override
		public void read(byte[] buffer, int offset, int length) throws InvalidUtf8Exception {
			for (int i = 0; i < length; i++) {
				accept(buffer[offset + i] & 0xFF);
			}
		}

		void accept(int b) throws InvalidUtf8Exception {
			if (needed > 0) {
				if (b < low || b > high) {
					throw new InvalidUtf8Exception(position);
				}
				low = 0x80;
				high = 0xBF;
				needed--;
			}
			else if (b == 0) {
				throw new InvalidUtf8Exception(position);
			}
			else if (b >= 0x80) {
				start(b);
			}
			position++;
		}

		@Override
		public void end() throws InvalidUtf8Exception {
			if (needed > 0) {
				throw new InvalidUtf8Exception(position);
			}
		}

		private void start(int b) throws InvalidUtf8Exception {
			if (b >= 0xC2 && b <= 0xDF) {
				needed = 1;
			}
			else if (b == 0xE0) {
				needed = 2;
				low = 0xA0;
			}
			else if (b == 0xED) {
				needed = 2;
				high = 0x9F;
			}
			else if (b >= 0xE1 && b <= 0xEF) {
				needed = 2;
			}
			else if (b == 0xF0) {
				needed = 3;
				low = 0x90;
			}
			else if (b >= 0xF1 && b <= 0xF3) {
				needed = 3;
			}
			else if (b == 0xF4) {
				needed = 3;
				high = 0x8F;
			}
			else {
				throw new InvalidUtf8Exception(position);
			}
		}

	}

}
