package uk.nhs.equitylens.lens.fact;

/** How a proposal is expected to change things for a cohort. */
public enum Impact {

	POSITIVE, NEUTRAL, NEGATIVE,
	/** An honest "don't know": the rules treat it as a gap in evidence, never as neutral. */
	UNKNOWN

}
