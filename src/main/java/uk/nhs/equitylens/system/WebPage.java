package uk.nhs.equitylens.system;

/**
 * Marks a controller that serves pages (HTML) rather than the API: its errors are NHS-style pages
 * ({@link PageErrors}), never problem+json or a stack trace.
 */
public interface WebPage {
}
