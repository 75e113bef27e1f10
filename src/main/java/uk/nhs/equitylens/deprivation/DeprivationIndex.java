package uk.nhs.equitylens.deprivation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * National IMD deciles of English LSOAs in each {@link DeprivationEdition}, plus the LSOA codes of
 * the Welsh Index of Multiple Deprivation 2019, read from the classpath folder {@code deprivation/}
 * (see its README). Turns the area codes a proposal names into a {@link DeprivationProfile}: how
 * many of them are Core20 areas, i.e. in national deciles 1-2 of the chosen English edition.
 *
 * <p>Every method that takes an area code trims it and upper-cases it first, so {@code " e01013995"}
 * and {@code "E01013995"} are the same area. Immutable and thread-safe.
 */
public final class DeprivationIndex {

	/** Classpath folder holding the tables. */
	static final String RESOURCE_FOLDER = "/deprivation/";

	/** Highest national decile counted as Core20 (the most deprived 20%: deciles 1 and 2). */
	static final int CORE20_MAX_DECILE = 2;

	private static final String WELSH_RESOURCE = "wimd2019-wales-lsoa11.csv";

	private static final String WELSH_CODE_COLUMN = "lsoa11_code";

	private static final String WELSH_DECILE_COLUMN = "wimd_decile";

	private static final String LICENCE = "Contains public sector information licensed under the Open Government"
			+ " Licence v3.0: ";

	private static final String WELSH_SOURCE = "Welsh Government, Welsh Index of Multiple Deprivation 2019.";

	private static volatile DeprivationIndex shared;

	private final Map<DeprivationEdition, AreaDeciles> english;

	private final AreaDeciles welsh;

	private DeprivationIndex(Map<DeprivationEdition, AreaDeciles> english, AreaDeciles welsh) {
		this.english = Collections.unmodifiableMap(new EnumMap<>(english));
		this.welsh = welsh;
	}

	/**
	 * The index of the data shipped with the application: every edition's English LSOA deciles plus
	 * the Welsh WIMD 2019 codes. Read from the classpath on the first call; later calls return the
	 * same instance.
	 *
	 * @throws IllegalStateException when a table is missing or malformed
	 */
	public static DeprivationIndex load() {
		DeprivationIndex index = shared;
		if (index == null) {
			synchronized (DeprivationIndex.class) {
				index = shared;
				if (index == null) {
					index = read();
					shared = index;
				}
			}
		}
		return index;
	}

	/** Reads every table afresh, bypassing the instance {@link #load()} keeps. */
	static DeprivationIndex read() {
		Map<DeprivationEdition, AreaDeciles> english = new EnumMap<>(DeprivationEdition.class);
		for (DeprivationEdition edition : DeprivationEdition.values()) {
			// Every English table has a decile column for the overall IMD (not a domain), so the
			// decile is read as published rather than derived from the rank.
			english.put(edition, AreaDeciles.read(RESOURCE_FOLDER + edition.resource(), LsoaCodes.ENGLISH_PREFIX,
					edition.codeColumn(), edition.decileColumn()));
		}
		AreaDeciles welsh = AreaDeciles.read(RESOURCE_FOLDER + WELSH_RESOURCE, LsoaCodes.WELSH_PREFIX,
				WELSH_CODE_COLUMN, WELSH_DECILE_COLUMN);
		return new DeprivationIndex(english, welsh);
	}

	/**
	 * The national decile of an area in an edition.
	 *
	 * @return 1..10 (1 = most deprived); empty if the edition has no such area, including every
	 * Welsh area and {@code null}
	 */
	public OptionalInt decile(DeprivationEdition edition, String areaCode) {
		Objects.requireNonNull(edition, "edition");
		if (areaCode == null) {
			return OptionalInt.empty();
		}
		return english.get(edition).decile(LsoaCodes.normalise(areaCode));
	}

	/** Whether the code is in any English edition or in the Welsh data; {@code false} for {@code null}. */
	public boolean isKnown(String areaCode) {
		if (areaCode == null) {
			return false;
		}
		String code = LsoaCodes.normalise(areaCode);
		return welsh.contains(code) || english.values().stream().anyMatch(deciles -> deciles.contains(code));
	}

	/**
	 * Whether the code is a syntactically valid LSOA code: {@code E01} or {@code W01} followed by six
	 * digits. Like every look-up, the code is trimmed and upper-cased first, so {@code " e01013995 "}
	 * is well formed; {@code null} is not.
	 */
	public static boolean isWellFormed(String areaCode) {
		return areaCode != null && LsoaCodes.isWellFormed(LsoaCodes.normalise(areaCode));
	}

	/** The number of English LSOAs in an edition. */
	public int areaCount(DeprivationEdition edition) {
		Objects.requireNonNull(edition, "edition");
		return english.get(edition).size();
	}

	/**
	 * What the edition says about the areas named. Codes are trimmed and upper-cased, duplicates
	 * count once, and {@code null} or blank entries are ignored. A Welsh ({@code W01}) code is listed
	 * in {@link DeprivationProfile#welshAreasNotPooled()} and never in the share; an English code
	 * the edition lacks, or anything that is not an LSOA code, is listed in
	 * {@link DeprivationProfile#areasUnknown()}.
	 *
	 * @param areaCodes LSOA codes, in the order the proposal names them
	 * @param edition the English edition to look them up in
	 */
	public DeprivationProfile profile(List<String> areaCodes, DeprivationEdition edition) {
		Objects.requireNonNull(areaCodes, "areaCodes");
		Objects.requireNonNull(edition, "edition");
		Set<String> named = new LinkedHashSet<>();
		for (String areaCode : areaCodes) {
			if (areaCode != null && !areaCode.isBlank()) {
				named.add(LsoaCodes.normalise(areaCode));
			}
		}
		AreaDeciles deciles = english.get(edition);
		List<String> matched = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		List<String> welshAreas = new ArrayList<>();
		int core20 = 0;
		for (String code : named) {
			if (LsoaCodes.isWelsh(code)) {
				welshAreas.add(code);
				continue;
			}
			OptionalInt decile = deciles.decile(code);
			if (decile.isEmpty()) {
				unknown.add(code);
				continue;
			}
			matched.add(code);
			if (decile.getAsInt() <= CORE20_MAX_DECILE) {
				core20++;
			}
		}
		Double share = matched.isEmpty() ? null : (double) core20 / matched.size();
		return new DeprivationProfile(edition, named.size(), matched, unknown, welshAreas, core20, share,
				attribution(edition));
	}

	/**
	 * The Open Government Licence attribution to show next to any figure derived from the data: the
	 * edition's publisher and title, and the Welsh data the index also holds.
	 */
	public String attribution(DeprivationEdition edition) {
		Objects.requireNonNull(edition, "edition");
		return LICENCE + edition.source() + "; " + WELSH_SOURCE;
	}

	/** The number of English LSOAs in Core20 (national deciles 1-2) in an edition. */
	int core20Count(DeprivationEdition edition) {
		return english.get(edition).countInDeciles(1, CORE20_MAX_DECILE);
	}

	/** The number of Welsh LSOAs in the WIMD 2019 table. */
	int welshAreaCount() {
		return welsh.size();
	}

}
