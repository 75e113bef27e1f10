package uk.nhs.equitylens.deprivation;

/**
 * An edition of the English deprivation indices whose LSOA deciles the application can use. Each
 * edition is a separate national ranking over its own LSOA boundaries (2011 or 2021), so a figure
 * derived from the data must always say which edition it came from.
 */
public enum DeprivationEdition {

	/** English Indices of Deprivation 2025 (MHCLG, 30 October 2025), over 2021 LSOAs: the current edition. */
	IOD2025("English Indices of Deprivation 2025", "IoD 2025",
			"Ministry of Housing, Communities and Local Government, English Indices of Deprivation 2025",
			"iod2025-england-lsoa21.csv", "lsoa21_code", "imd_decile"),

	/** English Index of Multiple Deprivation 2019 (MHCLG English Indices of Deprivation 2019), over 2011 LSOAs. */
	IMD2019("English Index of Multiple Deprivation 2019", "IMD 2019",
			"Ministry of Housing, Communities and Local Government, English Indices of Deprivation 2019",
			"imd2019-england-lsoa11.csv", "lsoa11_code", "imd_decile");

	/** The edition used when none is chosen: the current one, {@link #IOD2025}. */
	public static final DeprivationEdition DEFAULT = IOD2025;

	private final String label;

	private final String shortLabel;

	private final String source;

	private final String resource;

	private final String codeColumn;

	private final String decileColumn;

	DeprivationEdition(String label, String shortLabel, String source, String resource, String codeColumn,
			String decileColumn) {
		this.label = label;
		this.shortLabel = shortLabel;
		this.source = source;
		this.resource = resource;
		this.codeColumn = codeColumn;
		this.decileColumn = decileColumn;
	}

	/** The edition used when none is chosen; the same as {@link #DEFAULT}. */
	public static DeprivationEdition defaultEdition() {
		return DEFAULT;
	}

	/** The full name, e.g. "English Indices of Deprivation 2025". */
	public String label() {
		return label;
	}

	/** The name to show next to a figure, e.g. "IoD 2025" or "IMD 2019". */
	public String shortLabel() {
		return shortLabel;
	}

	/** Publisher and title, as cited in the licence attribution. */
	String source() {
		return source;
	}

	/** File name of the edition's LSOA table under the classpath folder {@code deprivation/}. */
	String resource() {
		return resource;
	}

	/** Header of the column holding the LSOA code. */
	String codeColumn() {
		return codeColumn;
	}

	/**
	 * Header of the column holding the national decile of the overall Index of Multiple Deprivation
	 * (not a domain decile).
	 */
	String decileColumn() {
		return decileColumn;
	}

}
