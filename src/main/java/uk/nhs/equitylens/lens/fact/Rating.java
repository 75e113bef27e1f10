package uk.nhs.equitylens.lens.fact;

/** A rating band reached; {@code basis} is INHERENT or RESIDUAL. */
public record Rating(String basis, String code) {

	public static final String INHERENT = "INHERENT";

	public static final String RESIDUAL = "RESIDUAL";

}
