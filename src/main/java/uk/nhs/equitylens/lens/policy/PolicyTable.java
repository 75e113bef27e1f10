package uk.nhs.equitylens.lens.policy;

import java.util.List;
import java.util.Map;

/**
 * One policy table as a governance analyst reads it: the file, its columns and its rows, in file
 * order. The lens reads the same rows as typed facts ({@link Policy#facts()}); this is the text
 * that pages and {@code GET /api/rulebase} show, so the documentation is the table in force.
 *
 * @param name the file's name without {@code .csv}, e.g. {@code cohorts}
 * @param path relative to the rules folder, e.g. {@code policy/cohorts.csv}
 * @param title what the table decides, in a few words
 */
public record PolicyTable(String name, String path, String title, List<String> columns, List<Row> rows) {

	public PolicyTable {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

	/** A row with the line it came from (1-based, the header is line 1). */
	public record Row(int line, Map<String, String> cells) {

		public Row {
			// in the table's column order, as the file has them
			cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
		}

		public String get(String column) {
			return cells.getOrDefault(column, "");
		}

	}

}
