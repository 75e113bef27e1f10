package uk.nhs.equitylens.lens.fact;

/** A rating band reached; {@code basis} is INHERENT or RESIDUAL. */
public record Rating(String basis, String code) {

	public static final String INHERENT = "INHERENT";

	public static final String RESIDUAL = "RESIDUAL";

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "Rating[basis=" + basis + ", code=" + code + "]";
	}

}
