package uk.nhs.equitylens.deprivation;

import java.util.Locale;

/** Syntax of ONS LSOA codes: {@code E01} (England) or {@code W01} (Wales) followed by six digits. */
final class LsoaCodes {

	static final String ENGLISH_PREFIX = "E01";

	static final String WELSH_PREFIX = "W01";

	/** The largest value of the six digits. */
	static final int MAX_NUMBER = 999_999;

	private static final int LENGTH = 9;

	private static final int PREFIX_LENGTH = 3;

	private LsoaCodes() {
	}

	/** The code as looked up: surrounding whitespace removed, upper case. */
	static String normalise(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}

	/** Whether an already normalised code is an English or Welsh LSOA code. */
	static boolean isWellFormed(String code) {
		if (code.length() != LENGTH || !(code.startsWith(ENGLISH_PREFIX) || code.startsWith(WELSH_PREFIX))) {
			return false;
		}
		for (int i = PREFIX_LENGTH; i < LENGTH; i++) {
			char c = code.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/** Whether an already normalised code is a well-formed Welsh LSOA code. */
	static boolean isWelsh(String code) {
		return isWellFormed(code) && code.startsWith(WELSH_PREFIX);
	}

	/** The six digits of a well-formed code as a number. */
	static int number(String code) {
		return Integer.parseInt(code, PREFIX_LENGTH, LENGTH, 10);
	}

}
