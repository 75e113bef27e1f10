package uk.nhs.equitylens.deprivation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The national deciles of one country's LSOAs in one ranking, read from a CSV table on the
 * classpath. Stored as one byte per possible code, indexed by the six digits after the prefix
 * ({@code 0} = no such area), which keeps a whole edition in a few tens of kilobytes. Immutable.
 */
final class AreaDeciles {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.get();

	private final String prefix;

	private final byte[] deciles;

	private final int size;

	private AreaDeciles(String prefix, byte[] deciles, int size) {
		this.prefix = prefix;
		this.deciles = deciles;
		this.size = size;
	}

	/**
	 * Reads the deciles of every row of a CSV table (header row first, quoted fields allowed).
	 *
	 * @param resource classpath location, e.g. {@code /deprivation/iod2025-england-lsoa21.csv}
	 * @param prefix the code prefix every row must have: {@code E01} or {@code W01}
	 * @param codeColumn header of the LSOA code column
	 * @param decileColumn header of the national decile column (1 = most deprived)
	 * @throws IllegalStateException when the table is missing, lacks a column, repeats a code or
	 * holds a code or decile out of range
	 */
	static AreaDeciles read(String resource, String prefix, String codeColumn, String decileColumn) {
		InputStream in = AreaDeciles.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Deprivation table " + resource + " is not on the classpath");
		}
		byte[] deciles = new byte[LsoaCodes.MAX_NUMBER + 1];
		int size = 0;
		int highest = -1;
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
			requireColumn(parser, resource, codeColumn);
			requireColumn(parser, resource, decileColumn);
			for (CSVRecord row : parser) {
				String code = LsoaCodes.normalise(field(row, resource, codeColumn));
				if (!LsoaCodes.isWellFormed(code) || !code.startsWith(prefix)) {
					throw invalid(resource, row, "'" + code + "' is not a " + prefix + " LSOA code");
				}
				int number = LsoaCodes.number(code);
				if (deciles[number] != 0) {
					throw invalid(resource, row, code + " appears twice");
				}
				deciles[number] = (byte) decile(row, resource, decileColumn);
				highest = Math.max(highest, number);
				size++;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read deprivation table " + resource, ex);
		}
		if (size == 0) {
			throw new IllegalStateException("Deprivation table " + resource + " has no areas");
		}
		return new AreaDeciles(prefix, Arrays.copyOf(deciles, highest + 1), size);
	}

	/** The decile of a normalised code, empty when the table has no such area. */
	OptionalInt decile(String code) {
		if (!LsoaCodes.isWellFormed(code) || !code.startsWith(prefix)) {
			return OptionalInt.empty();
		}
		int number = LsoaCodes.number(code);
		if (number >= deciles.length || deciles[number] == 0) {
			return OptionalInt.empty();
		}
		return OptionalInt.of(deciles[number]);
	}

	/** Whether the table holds a normalised code. */
	boolean contains(String code) {
		return decile(code).isPresent();
	}

	/** The number of areas in the table. */
	int size() {
		return size;
	}

	/** The number of areas whose decile is between {@code from} and {@code to}, both included. */
	int countInDeciles(int from, int to) {
		int count = 0;
		for (byte decile : deciles) {
			if (decile != 0 && decile >= from && decile <= to) {
				count++;
			}
		}
		return count;
	}

	private static void requireColumn(CSVParser parser, String resource, String column) {
		if (!parser.getHeaderMap().containsKey(column)) {
			throw new IllegalStateException(
					"Deprivation table " + resource + " has no column " + column + ": " + parser.getHeaderNames());
		}
	}

	private static String field(CSVRecord row, String resource, String column) {
		if (!row.isSet(column)) {
			throw invalid(resource, row, "the row has no " + column);
		}
		return row.get(column);
	}

	private static int decile(CSVRecord row, String resource, String column) {
		String text = field(row, resource, column);
		int decile;
		try {
			decile = Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw invalid(resource, row, column + " '" + text + "' is not a number");
		}
		if (decile < 1 || decile > 10) {
			throw invalid(resource, row, column + " " + decile + " is not a decile 1..10");
		}
		return decile;
	}

	private static IllegalStateException invalid(String resource, CSVRecord row, String problem) {
		return new IllegalStateException(
				"Deprivation table " + resource + ", data row " + row.getRecordNumber() + ": " + problem);
	}

}
