package uk.nhs.equitylens.lens.fact;

/** A Core20PLUS5 clinical area the proposal touches; {@code population} is adult, children or cross_cutting. */
public record ClinicalArea(String code, String label, String population) {

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "ClinicalArea[code=" + code + ", label=" + label + ", population=" + population + "]";
	}

}
