package uk.nhs.equitylens.lens.fact;

/** Severity of an access barrier or of a finding. */
public enum Severity {

	LOW, MEDIUM, HIGH

}
