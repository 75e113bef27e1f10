package uk.nhs.equitylens.lens.fact;

/** An access barrier the ambassador ticked, with its severity. */
public record Barrier(String code, String label, Severity severity) {

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "Barrier[code=" + code + ", label=" + label + ", severity=" + severity + "]";
	}

}
