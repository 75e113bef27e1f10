package uk.nhs.equitylens.report;

import java.util.HashMap;
import java.util.Map;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacter.DecompositionType;
import com.ibm.icu.lang.UCharacter.JoiningType;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import com.ibm.icu.text.Normalizer2;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiSplitterFactory;
import com.openhtmltopdf.bidi.BidiTextRun;

/**
 * Right-to-left text for the PDF renderer, with ICU4J: the Unicode bidirectional algorithm splits a
 * paragraph into left-to-right and right-to-left runs, and Arabic-script letters (Urdu, Arabic) take
 * their joined forms, which a PDF font draws only when asked for them by code point. Without this the
 * renderer draws Urdu letters unjoined and in reverse order.
 */
final class RightToLeftText {

	private RightToLeftText() {
	}

	static BidiSplitterFactory splitters() {
		return Splitter::new;
	}

	static BidiReorderer reorderer() {
		return new Reorderer();
	}

	private static final class Splitter implements BidiSplitter {

		private final Bidi bidi = new Bidi();

		@Override
		public void setParagraph(String paragraph, byte direction) {
			bidi.setPara(paragraph, direction, null);
		}

		@Override
		public int countTextRuns() {
			return bidi.countRuns();
		}

		@Override
		public BidiTextRun getVisualRun(int index) {
			BidiRun run = bidi.getVisualRun(index);
			return new BidiTextRun(run.getStart(), run.getLength(), run.getDirection());
		}

		@Override
		public byte getBaseDirection(String paragraph) {
			return Bidi.getBaseDirection(paragraph);
		}

	}

	/**
	 * Turns right-to-left runs round for drawing, and gives Arabic-script letters the form their place
	 * in a word asks for. ICU4J's own shaper covers only the Arabic letters of Presentation Forms-B;
	 * Urdu's own letters (keheh, farsi yeh, heh doachashmee, yeh barree, tteh and others) have their
	 * forms in Presentation Forms-A and were drawn unjoined. So the forms are read from Unicode's own
	 * decompositions of both blocks, and each letter's joining type from ICU4J's character data.
	 */
	private static final class Reorderer implements BidiReorderer {

		private static final Normalizer2 COMPATIBILITY = Normalizer2.getNFKDInstance();

		private static final char LAM = '\u0644';

		/** "form:letter" (or "form:lam alef" for the required ligature) to its presentation form. */
		private static final Map<String, Character> SHAPED = new HashMap<>();

		/** A presentation form to the letter (or lam and alef) it stands for. */
		private static final Map<Character, String> UNSHAPED = new HashMap<>();

		static {
			for (char form = '\uFB50'; form <= '\uFDFF'; form++) {
				learn(form);
			}
			for (char form = '\uFE70'; form <= '\uFEFC'; form++) {
				learn(form);
			}
		}

		private static void learn(char presentation) {
			int type = UCharacter.getIntPropertyValue(presentation, UProperty.DECOMPOSITION_TYPE);
			String letters = COMPATIBILITY.getRawDecomposition(presentation);
			if (letters == null || !(type == DecompositionType.ISOLATED || type == DecompositionType.FINAL
					|| type == DecompositionType.INITIAL || type == DecompositionType.MEDIAL)) {
				return;
			}
			if (letters.length() == 1 || (letters.length() == 2 && letters.charAt(0) == LAM && isAlef(letters.charAt(1)))) {
				SHAPED.putIfAbsent(type + ":" + letters, presentation);
				UNSHAPED.putIfAbsent(presentation, letters);
			}
		}

		@Override
		public String reorderRTLTextToLTR(String text) {
			return Bidi.writeReverse(text, Bidi.DO_MIRRORING);
		}

		@Override
		public String shapeText(String text) {
			StringBuilder shaped = new StringBuilder(text.length());
			for (int i = 0; i < text.length(); i++) {
				char letter = text.charAt(i);
				int joining = joining(letter);
				if (joining != JoiningType.DUAL_JOINING && joining != JoiningType.RIGHT_JOINING) {
					shaped.append(letter);
					continue;
				}
				boolean joinsBefore = joinsForward(text, i);
				if (letter == LAM && i + 1 < text.length() && isAlef(text.charAt(i + 1))) {
					Character ligature = SHAPED.get((joinsBefore ? DecompositionType.FINAL : DecompositionType.ISOLATED)
							+ ":" + letter + text.charAt(i + 1));
					if (ligature != null) {
						shaped.append(ligature.charValue());
						i++;
						continue;
					}
				}
				boolean joinsAfter = joining == JoiningType.DUAL_JOINING && joinsBackward(text, i);
				int form = joinsBefore ? (joinsAfter ? DecompositionType.MEDIAL : DecompositionType.FINAL)
						: (joinsAfter ? DecompositionType.INITIAL : DecompositionType.ISOLATED);
				Character presentation = SHAPED.get(form + ":" + letter);
				shaped.append(presentation == null ? letter : presentation.charValue());
			}
			return shaped.toString();
		}

		@Override
		public String deshapeText(String text) {
			StringBuilder letters = new StringBuilder(text.length());
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				String letter = UNSHAPED.get(c);
				letters.append(letter == null ? String.valueOf(c) : letter);
			}
			return letters.toString();
		}

		@Override
		public boolean isLiveImplementation() {
			return true;
		}

		private static boolean isAlef(char c) {
			return c == '\u0627' || c == '\u0622' || c == '\u0623' || c == '\u0625';
		}

		private static int joining(char c) {
			return UCharacter.getIntPropertyValue(c, UProperty.JOINING_TYPE);
		}

		/** Whether the letter before {@code i} (marks skipped) reaches forward to join it. */
		private static boolean joinsForward(String text, int i) {
			for (int j = i - 1; j >= 0; j--) {
				int joining = joining(text.charAt(j));
				if (joining != JoiningType.TRANSPARENT) {
					return joining == JoiningType.DUAL_JOINING || joining == JoiningType.LEFT_JOINING
							|| joining == JoiningType.JOIN_CAUSING;
				}
			}
			return false;
		}

		/** Whether the letter after {@code i} (marks skipped) reaches back to join it. */
		private static boolean joinsBackward(String text, int i) {
			for (int j = i + 1; j < text.length(); j++) {
				int joining = joining(text.charAt(j));
				if (joining != JoiningType.TRANSPARENT) {
					return joining == JoiningType.DUAL_JOINING || joining == JoiningType.RIGHT_JOINING
							|| joining == JoiningType.JOIN_CAUSING;
				}
			}
			return false;
		}

	}

}
