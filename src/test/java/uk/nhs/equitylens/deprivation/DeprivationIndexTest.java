package uk.nhs.equitylens.deprivation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;
import static uk.nhs.equitylens.deprivation.DeprivationEdition.IMD2019;
import static uk.nhs.equitylens.deprivation.DeprivationEdition.IOD2025;

class DeprivationIndexTest {

	/** IoD 2025 decile 2, IMD 2019 decile 1. */
	private static final String HEREFORDSHIRE_CORE20 = "E01013995";

	/** Decile 2 in both editions. */
	private static final String CORE20_IN_BOTH = "E01032260";

	/** City of London 001A: IoD 2025 decile 8, IMD 2019 decile 9. */
	private static final String NOT_CORE20 = "E01000001";

	/** Welsh LSOA in the WIMD 2019 table. */
	private static final String WELSH = "W01000001";

	/** Well formed, in no table. */
	private static final String UNKNOWN = "E01999999";

	/** 2011 LSOA (IMD 2019 decile 3) replaced when the boundaries changed in 2021: not in IoD 2025. */
	private static final String LSOA11_ONLY = "E01000010";

	/** 2021 LSOA created when the boundaries changed: not in IMD 2019. */
	private static final String LSOA21_ONLY = "E01033769";

	private final DeprivationIndex index = DeprivationIndex.load();

	@Nested
	class Loading {

		@Test
		void countsTheAreasTheReadmeLists() {
			assertThat(index.areaCount(IOD2025)).isEqualTo(33_755);
			assertThat(index.areaCount(IMD2019)).isEqualTo(32_844);
			assertThat(index.welshAreaCount()).isEqualTo(1_909);
		}

		@Test
		void countsCore20AreasInEachEdition() {
			assertThat(index.core20Count(IOD2025)).isEqualTo(6_751);
			// 20% of 32,844 LSOAs: deciles 1 and 2 of the imd_decile column hold 3,284 each.
			assertThat(index.core20Count(IMD2019)).isEqualTo(6_568);
		}

		@Test
		void profileOfEveryCodeInATableMatchesItAll() {
			List<String> lsoa21 = codes("iod2025-england-lsoa21.csv", "lsoa21_code", row -> true);
			List<String> lsoa11 = codes("imd2019-england-lsoa11.csv", "lsoa11_code", row -> true);

			DeprivationProfile current = index.profile(lsoa21, IOD2025);
			DeprivationProfile previous = index.profile(lsoa11, IMD2019);

			assertThat(current.areasMatched()).hasSize(33_755);
			assertThat(current.areasUnknown()).isEmpty();
			assertThat(current.core20Areas()).isEqualTo(6_751);
			assertThat(previous.areasMatched()).hasSize(32_844);
			assertThat(previous.core20Areas()).isEqualTo(6_568);
		}

		@Test
		void readsQuotedFieldsContainingCommas() {
			// The README's check: 55 of the 480 IMD 2019 LSOAs of Herefordshire and Worcestershire are
			// Core20, 9 of them in Herefordshire, whose district name is quoted: "Herefordshire, County of".
			Set<String> districts = Set.of("Herefordshire, County of", "Bromsgrove", "Malvern Hills", "Redditch",
					"Worcester", "Wychavon", "Wyre Forest");
			List<String> system = codes("imd2019-england-lsoa11.csv", "lsoa11_code",
					row -> districts.contains(row.get("lad19_name")));
			List<String> herefordshire = codes("imd2019-england-lsoa11.csv", "lsoa11_code",
					row -> row.get("lad19_code").equals("E06000019"));

			DeprivationProfile profile = index.profile(system, IMD2019);

			assertThat(profile.areasMatched()).hasSize(480);
			assertThat(profile.core20Areas()).isEqualTo(55);
			assertThat(index.profile(herefordshire, IMD2019).core20Areas()).isEqualTo(9);
		}

		@Test
		void loadsOnce() {
			assertThat(DeprivationIndex.load()).isSameAs(index);
		}

	}

	@Nested
	class Deciles {

		@Test
		void readsTheOverallImdDecileOfEachEdition() {
			assertThat(index.decile(IOD2025, HEREFORDSHIRE_CORE20)).hasValue(2);
			assertThat(index.decile(IMD2019, HEREFORDSHIRE_CORE20)).hasValue(1);
			assertThat(index.decile(IOD2025, CORE20_IN_BOTH)).hasValue(2);
			assertThat(index.decile(IMD2019, CORE20_IN_BOTH)).hasValue(2);
			assertThat(index.decile(IOD2025, NOT_CORE20)).hasValue(8);
			assertThat(index.decile(IMD2019, NOT_CORE20)).hasValue(9);
		}

		@Test
		void normalisesTheCode() {
			assertThat(index.decile(IOD2025, "  e01013995\t")).hasValue(2);
		}

		@Test
		void isEmptyForAreasTheEditionLacks() {
			assertThat(index.decile(IOD2025, LSOA11_ONLY)).isEmpty();
			assertThat(index.decile(IMD2019, LSOA11_ONLY)).hasValue(3);
			assertThat(index.decile(IMD2019, LSOA21_ONLY)).isEmpty();
			assertThat(index.decile(IOD2025, LSOA21_ONLY)).isPresent();
			assertThat(index.decile(IOD2025, WELSH)).isEmpty();
			assertThat(index.decile(IOD2025, UNKNOWN)).isEmpty();
			assertThat(index.decile(IOD2025, "nonsense")).isEmpty();
			assertThat(index.decile(IOD2025, null)).isEmpty();
		}

		@Test
		void knowsCodesFromAnyEditionOrWales() {
			assertThat(index.isKnown(HEREFORDSHIRE_CORE20)).isTrue();
			assertThat(index.isKnown(LSOA11_ONLY)).isTrue();
			assertThat(index.isKnown(LSOA21_ONLY)).isTrue();
			assertThat(index.isKnown(WELSH)).isTrue();
			assertThat(index.isKnown(" w01000001 ")).isTrue();
			assertThat(index.isKnown(UNKNOWN)).isFalse();
			assertThat(index.isKnown("W01999999")).isFalse();
			assertThat(index.isKnown(null)).isFalse();
		}

	}

	@Nested
	class WellFormedCodes {

		@Test
		void acceptsEnglishAndWelshLsoaCodes() {
			assertThat(DeprivationIndex.isWellFormed(HEREFORDSHIRE_CORE20)).isTrue();
			assertThat(DeprivationIndex.isWellFormed(WELSH)).isTrue();
			assertThat(DeprivationIndex.isWellFormed(UNKNOWN)).isTrue();
		}

		@Test
		void normalisesCaseAndSurroundingWhitespaceLikeLookUps() {
			assertThat(DeprivationIndex.isWellFormed("e01013995")).isTrue();
			assertThat(DeprivationIndex.isWellFormed(" E01013995 ")).isTrue();
		}

		@Test
		void rejectsAnythingElse() {
			assertThat(DeprivationIndex.isWellFormed("E0101399")).isFalse();
			assertThat(DeprivationIndex.isWellFormed("E010139950")).isFalse();
			assertThat(DeprivationIndex.isWellFormed("X01013995")).isFalse();
			assertThat(DeprivationIndex.isWellFormed("E02000001")).isFalse();
			assertThat(DeprivationIndex.isWellFormed("S01006506")).isFalse();
			assertThat(DeprivationIndex.isWellFormed("E01 13995")).isFalse();
			assertThat(DeprivationIndex.isWellFormed("E0101399A")).isFalse();
			assertThat(DeprivationIndex.isWellFormed("E01٠١٣٩٩٥")).isFalse();
			assertThat(DeprivationIndex.isWellFormed("")).isFalse();
			assertThat(DeprivationIndex.isWellFormed("   ")).isFalse();
			assertThat(DeprivationIndex.isWellFormed(null)).isFalse();
		}

	}

	@Nested
	class Profiles {

		@Test
		void sortsTheAreasNamedAndWorksOutTheCore20Share() {
			DeprivationProfile profile = index.profile(List.of(HEREFORDSHIRE_CORE20, CORE20_IN_BOTH, NOT_CORE20, WELSH, UNKNOWN),
					IOD2025);

			assertThat(profile.edition()).isEqualTo(IOD2025);
			assertThat(profile.areasNamed()).isEqualTo(5);
			assertThat(profile.areasMatched()).containsExactly(HEREFORDSHIRE_CORE20, CORE20_IN_BOTH, NOT_CORE20);
			assertThat(profile.areasUnknown()).containsExactly(UNKNOWN);
			assertThat(profile.welshAreasNotPooled()).containsExactly(WELSH);
			assertThat(profile.core20Areas()).isEqualTo(2);
			assertThat(profile.core20Share()).isCloseTo(2.0 / 3, within(1e-12));
			assertThat(profile.attribution()).isEqualTo(index.attribution(IOD2025));
		}

		@Test
		void usesTheChosenEdition() {
			DeprivationProfile profile = index.profile(List.of(HEREFORDSHIRE_CORE20, CORE20_IN_BOTH, NOT_CORE20, WELSH, UNKNOWN),
					IMD2019);

			assertThat(profile.edition()).isEqualTo(IMD2019);
			assertThat(profile.areasMatched()).containsExactly(HEREFORDSHIRE_CORE20, CORE20_IN_BOTH, NOT_CORE20);
			assertThat(profile.areasUnknown()).containsExactly(UNKNOWN);
			assertThat(profile.welshAreasNotPooled()).containsExactly(WELSH);
			assertThat(profile.core20Areas()).isEqualTo(2);
			assertThat(profile.attribution()).contains("English Indices of Deprivation 2019");
		}

		@Test
		void reportsAreasWhoseBoundariesChangedAsUnknownInTheOtherEdition() {
			DeprivationProfile current = index.profile(List.of(LSOA11_ONLY, LSOA21_ONLY), IOD2025);
			DeprivationProfile previous = index.profile(List.of(LSOA11_ONLY, LSOA21_ONLY), IMD2019);

			assertThat(current.areasMatched()).containsExactly(LSOA21_ONLY);
			assertThat(current.areasUnknown()).containsExactly(LSOA11_ONLY);
			assertThat(previous.areasMatched()).containsExactly(LSOA11_ONLY);
			assertThat(previous.areasUnknown()).containsExactly(LSOA21_ONLY);
		}

		@Test
		void countsDuplicatesOnceAfterNormalising() {
			DeprivationProfile profile = index.profile(
					List.of(HEREFORDSHIRE_CORE20, " e01013995 ", HEREFORDSHIRE_CORE20, NOT_CORE20, "e01000001", UNKNOWN, "e01999999"),
					IOD2025);

			assertThat(profile.areasNamed()).isEqualTo(3);
			assertThat(profile.areasMatched()).containsExactly(HEREFORDSHIRE_CORE20, NOT_CORE20);
			assertThat(profile.areasUnknown()).containsExactly(UNKNOWN);
			assertThat(profile.core20Areas()).isEqualTo(1);
			assertThat(profile.core20Share()).isEqualTo(0.5);
		}

		@Test
		void keepsTheOrderFirstNamed() {
			DeprivationProfile profile = index.profile(List.of(NOT_CORE20, CORE20_IN_BOTH, NOT_CORE20, HEREFORDSHIRE_CORE20),
					IOD2025);

			assertThat(profile.areasMatched()).containsExactly(NOT_CORE20, CORE20_IN_BOTH, HEREFORDSHIRE_CORE20);
		}

		@Test
		void neverPoolsWelshAreasWhetherOrNotTheWelshDataHoldsThem() {
			DeprivationProfile profile = index.profile(List.of(WELSH, "w01999999"), IOD2025);

			assertThat(profile.areasNamed()).isEqualTo(2);
			assertThat(profile.welshAreasNotPooled()).containsExactly(WELSH, "W01999999");
			assertThat(profile.areasMatched()).isEmpty();
			assertThat(profile.areasUnknown()).isEmpty();
			assertThat(profile.core20Areas()).isZero();
			assertThat(profile.core20Share()).isNull();
		}

		@Test
		void listsMalformedCodesAsUnknownAndIgnoresBlanks() {
			List<String> named = new ArrayList<>(Arrays.asList("E0101399", "", "  ", null, "W01", CORE20_IN_BOTH));

			DeprivationProfile profile = index.profile(named, IOD2025);

			assertThat(profile.areasNamed()).isEqualTo(3);
			assertThat(profile.areasUnknown()).containsExactly("E0101399", "W01");
			assertThat(profile.welshAreasNotPooled()).isEmpty();
			assertThat(profile.areasMatched()).containsExactly(CORE20_IN_BOTH);
			assertThat(profile.core20Share()).isEqualTo(1.0);
		}

		@Test
		void hasNoShareWhenNothingIsNamed() {
			DeprivationProfile profile = index.profile(List.of(), IOD2025);

			assertThat(profile.areasNamed()).isZero();
			assertThat(profile.core20Areas()).isZero();
			assertThat(profile.core20Share()).isNull();
		}

		@Test
		void hasZeroShareWhenNoMatchedAreaIsCore20() {
			assertThat(index.profile(List.of(NOT_CORE20), IOD2025).core20Share()).isZero();
		}

		@Test
		void isImmutable() {
			DeprivationProfile profile = index.profile(List.of(HEREFORDSHIRE_CORE20, WELSH, UNKNOWN), IOD2025);

			assertThat(profile.areasMatched()).isUnmodifiable();
			assertThat(profile.areasUnknown()).isUnmodifiable();
			assertThat(profile.welshAreasNotPooled()).isUnmodifiable();
		}

		@Test
		void requiresCodesAndEdition() {
			assertThatNullPointerException().isThrownBy(() -> index.profile(null, IOD2025));
			assertThatNullPointerException().isThrownBy(() -> index.profile(List.of(HEREFORDSHIRE_CORE20), null));
		}

	}

	@Nested
	class Editions {

		@Test
		void defaultsToTheCurrentEdition() {
			assertThat(DeprivationEdition.DEFAULT).isEqualTo(IOD2025);
			assertThat(DeprivationEdition.defaultEdition()).isEqualTo(IOD2025);
		}

		@Test
		void hasLabels() {
			assertThat(IOD2025.label()).isEqualTo("English Indices of Deprivation 2025");
			assertThat(IOD2025.shortLabel()).isEqualTo("IoD 2025");
			assertThat(IMD2019.label()).isEqualTo("English Index of Multiple Deprivation 2019");
			assertThat(IMD2019.shortLabel()).isEqualTo("IMD 2019");
		}

		@Test
		void attributesTheDataUnderTheOpenGovernmentLicence() {
			assertThat(index.attribution(IOD2025))
				.startsWith("Contains public sector information licensed under the Open Government Licence v3.0")
				.contains("English Indices of Deprivation 2025")
				.doesNotContain("2019 (")
				.contains("Welsh Index of Multiple Deprivation 2019");
			assertThat(index.attribution(IMD2019)).contains("English Indices of Deprivation 2019")
				.doesNotContain("2025");
		}

	}

	/** The codes of the rows of a table that pass a filter, read independently of the index. */
	private static List<String> codes(String table, String codeColumn, Predicate<CSVRecord> filter) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		List<String> codes = new ArrayList<>();
		try (InputStream in = DeprivationIndexTest.class.getResourceAsStream("/deprivation/" + table);
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
			for (CSVRecord row : parser) {
				if (filter.test(row)) {
					codes.add(row.get(codeColumn));
				}
			}
		}
		catch (IOException ex) {
			throw new AssertionError("Could not read " + table, ex);
		}
		return codes;
	}

}
