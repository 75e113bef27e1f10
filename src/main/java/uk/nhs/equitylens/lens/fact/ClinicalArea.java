package uk.nhs.equitylens.lens.fact;

/** A Core20PLUS5 clinical area the proposal touches; {@code population} is adult, children or cross_cutting. */
public record ClinicalArea(String code, String label, String population) {
}
