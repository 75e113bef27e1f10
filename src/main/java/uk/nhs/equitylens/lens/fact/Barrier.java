package uk.nhs.equitylens.lens.fact;

/** An access barrier the ambassador ticked, with its severity. */
public record Barrier(String code, String label, Severity severity) {
}
