package uk.nhs.equitylens.report;

import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the PDF renderer asks of right-to-left support, for Urdu: runs in each direction, letters in
 * their joined forms (which the font draws), and right-to-left runs turned round for drawing.
 */
class RightToLeftTextTest {

	/** "Health" in Urdu: sad, hah, teh, all joining letters. */
	private static final String SEHAT = "\u0635\u062D\u062A";

	@Test
	void urduLettersTakeTheirJoinedFormsAndComeBackUnchanged() {
		BidiReorderer reorderer = RightToLeftText.reorderer();

		String shaped = reorderer.shapeText(SEHAT);

		// initial sad, medial hah, final teh (Arabic Presentation Forms-B)
		assertThat(shaped).isEqualTo("\uFEBB\uFEA4\uFE96");
		assertThat(reorderer.deshapeText(shaped)).isEqualTo(SEHAT);
		assertThat(reorderer.isLiveImplementation()).isTrue();
	}

	@Test
	void urduSpecificLettersAreJoinedToo() {
		BidiReorderer reorderer = RightToLeftText.reorderer();
		// tteh then yeh barree: initial tteh, final yeh barree (Presentation Forms-A)
		assertThat(reorderer.shapeText("\u0679\u06D2")).isEqualTo("\uFB68\uFBAF");
		// "dekh" (see): dal, farsi yeh, keheh, heh doachashmee: isolated dal (it never joins forward),
		// initial yeh, medial keheh, final heh doachashmee
		assertThat(reorderer.shapeText("\u062F\u06CC\u06A9\u06BE")).isEqualTo("\uFEA9\uFBFE\uFB91\uFBAB");
		assertThat(reorderer.deshapeText(reorderer.shapeText("\u062F\u06CC\u06A9\u06BE")))
			.isEqualTo("\u062F\u06CC\u06A9\u06BE");
	}

	@Test
	void lamAndAlefBecomeTheirRequiredLigatureAndMarksDoNotBreakAWord() {
		BidiReorderer reorderer = RightToLeftText.reorderer();
		// "la" alone: the isolated lam-alef ligature; after beh (which joins forward): the final one
		assertThat(reorderer.shapeText("\u0644\u0627")).isEqualTo("\uFEFB");
		assertThat(reorderer.shapeText("\u0628\u0644\u0627")).isEqualTo("\uFE91\uFEFC");
		// beh, fatha (a mark), teh: the mark stays, beh and teh still join round it
		assertThat(reorderer.shapeText("\u0628\u064E\u062A")).isEqualTo("\uFE91\u064E\uFE96");
		assertThat(reorderer.deshapeText("\uFE91\uFEFC")).isEqualTo("\u0628\u0644\u0627");
	}

	@Test
	void aRightToLeftRunIsTurnedRoundForDrawingWithItsBracketsMirrored() {
		assertThat(RightToLeftText.reorderer().reorderRTLTextToLTR("\u0627(\u0628")).isEqualTo("\u0628)\u0627");
	}

	@Test
	void anEnglishParagraphWithUrduInItHasThreeRunsInOrderOnThePage() {
		BidiSplitter splitter = RightToLeftText.splitters().createBidiSplitter();
		String paragraph = "Clinic " + SEHAT + " team";

		splitter.setParagraph(paragraph, BidiSplitter.LTR);

		assertThat(splitter.countTextRuns()).isEqualTo(3);
		assertThat(splitter.getVisualRun(0).getDirection()).isEqualTo(BidiSplitter.LTR);
		assertThat(splitter.getVisualRun(1).getStart()).isEqualTo("Clinic ".length());
		assertThat(splitter.getVisualRun(1).getLength()).isEqualTo(SEHAT.length());
		assertThat(splitter.getVisualRun(1).getDirection()).isEqualTo(BidiSplitter.RTL);
		assertThat(splitter.getBaseDirection(SEHAT)).isEqualTo(BidiSplitter.RTL);
		assertThat(splitter.getBaseDirection(paragraph)).isEqualTo(BidiSplitter.LTR);
	}

}
