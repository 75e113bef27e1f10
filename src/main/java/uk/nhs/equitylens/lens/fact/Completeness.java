package uk.nhs.equitylens.lens.fact;

import java.util.List;

/**
 * Whether the document has every answer that submission needs (CORE20 and the nine protected
 * characteristics answered, reasons and evidence given).
 *
 * @param missing the answers still needed, as document paths ({@code cohorts[CORE20]})
 * @param labels the same, in words, for the explanation
 */
public record Completeness(boolean complete, List<String> missing, List<String> labels) {

	public Completeness {
		missing = List.copyOf(missing);
		labels = List.copyOf(labels);
	}

	public static Completeness whole() {
		return new Completeness(true, List.of(), List.of());
	}


}
