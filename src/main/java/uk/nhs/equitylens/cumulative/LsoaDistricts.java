package uk.nhs.equitylens.cumulative;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The local authority district of an English LSOA, from the English Indices of Deprivation 2019
 * table ({@code deprivation/imd2019-england-lsoa11.csv}: 2011 LSOA code and name, 2019 district code
 * and name), the only shipped table that names districts.
 * <p>
 * The IoD 2025 table (2021 LSOAs) has no district columns, so a 2021 code is placed in a district
 * only when the same code is in the 2019 table: ONS kept the code of every LSOA whose boundary did
 * not change in 2021, and gave new codes to those split, merged or redrawn. A 2021 code that is new
 * (about 1,900 of them), a Welsh code, or anything else is not placed in any district. Districts
 * are those of 2019 (before the 2020-2023 reorganisations in Buckinghamshire, Northamptonshire,
 * Cumbria, North Yorkshire and Somerset).
 * <p>
 * Kept compact: one small index per possible code number, the district names once each. Immutable.
 */
final class LsoaDistricts {

	/** The table read. */
	static final String RESOURCE = "/deprivation/imd2019-england-lsoa11.csv";

	private static final Pattern ENGLISH_LSOA = Pattern.compile("E01\\d{6}");

	private static final int PREFIX_LENGTH = 3;

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.get();

	/** Per code number: 1 + the index of its district in {@link #districts}, 0 for no such LSOA. */
	private final short[] districtOf;

	/** Per code number: the LSOA's name, e.g. "Redditch 011D". */
	private final String[] names;

	private final List<District> districts;

	private LsoaDistricts(short[] districtOf, String[] names, List<District> districts) {
		this.districtOf = districtOf;
		this.names = names;
		this.districts = List.copyOf(districts);
	}

	/** The table shipped with the application, read on first use and kept. */
	static LsoaDistricts shared() {
		return Shared.INSTANCE;
	}

	/**
	 * Reads the table from the classpath.
	 *
	 * @throws IllegalStateException when it is missing or a row is malformed
	 */
	static LsoaDistricts load() {
		InputStream in = LsoaDistricts.class.getResourceAsStream(RESOURCE);
		if (in == null) {
			throw new IllegalStateException("Deprivation table " + RESOURCE + " is not on the classpath");
		}
		short[] districtOf = new short[1_000_000];
		String[] names = new String[1_000_000];
		List<District> districts = new ArrayList<>();
		Map<String, Integer> districtIndex = new HashMap<>();
		int highest = -1;
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
			for (CSVRecord row : parser) {
				String code = normalise(row.get("lsoa11_code"));
				String districtCode = row.get("lad19_code");
				String districtName = row.get("lad19_name");
				if (!ENGLISH_LSOA.matcher(code).matches() || districtCode.isBlank() || districtName.isBlank()) {
					throw new IllegalStateException(
							"Deprivation table " + RESOURCE + ", data row " + row.getRecordNumber() + " is malformed");
				}
				Integer index = districtIndex.get(districtCode);
				if (index == null) {
					index = districts.size();
					districts.add(new District(districtCode, districtName));
					districtIndex.put(districtCode, index);
				}
				int number = number(code);
				districtOf[number] = (short) (index + 1);
				names[number] = row.get("lsoa11_name");
				highest = Math.max(highest, number);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read deprivation table " + RESOURCE, ex);
		}
		return new LsoaDistricts(Arrays.copyOf(districtOf, highest + 1), Arrays.copyOf(names, highest + 1),
				districts);
	}

	/**
	 * The LSOA and its district, when the 2019 table has the code (trimmed and upper-cased first);
	 * empty for a 2021 code that is new, a Welsh code, or anything else.
	 */
	Optional<Area> find(String lsoaCode) {
		if (lsoaCode == null) {
			return Optional.empty();
		}
		String code = normalise(lsoaCode);
		if (!ENGLISH_LSOA.matcher(code).matches()) {
			return Optional.empty();
		}
		int number = number(code);
		if (number >= districtOf.length || districtOf[number] == 0) {
			return Optional.empty();
		}
		return Optional.of(new Area(code, names[number], districts.get(districtOf[number] - 1)));
	}

	/**
	 * Whether two lists of LSOA codes name overlapping areas: a code in both (after {@link #normalise}),
	 * or an LSOA of each in the same local authority district. A code with no district (a new 2021
	 * code, a Welsh one) overlaps only by being named in both.
	 */
	boolean overlap(Collection<String> some, Collection<String> others) {
		Set<String> codes = new HashSet<>();
		Set<String> districtCodes = new HashSet<>();
		for (String code : some) {
			codes.add(normalise(code));
			find(code).ifPresent(area -> districtCodes.add(area.district().code()));
		}
		for (String code : others) {
			if (codes.contains(normalise(code))) {
				return true;
			}
			Optional<Area> area = find(code);
			if (area.isPresent() && districtCodes.contains(area.get().district().code())) {
				return true;
			}
		}
		return false;
	}

	/** The number of districts in the table. */
	int districtCount() {
		return districts.size();
	}

	/** An LSOA code as looked up: surrounding whitespace removed, upper case. */
	static String normalise(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}

	private static int number(String code) {
		return Integer.parseInt(code, PREFIX_LENGTH, code.length(), 10);
	}

	/** Holds the table read once, on first use. */
	private static final class Shared {

		static final LsoaDistricts INSTANCE = load();

	}

	/** A local authority district (2019): ONS code and name. */
	record District(String code, String name) {
	}

	/** An LSOA found in the 2019 table: its code, its name and its district. */
	record Area(String code, String name, District district) {
	}

}
