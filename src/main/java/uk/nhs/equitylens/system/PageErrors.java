package uk.nhs.equitylens.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Errors on the ambassador's pages are pages in the NHS style, never a stack trace: not found,
 * changed by someone else, not allowed now, or a problem with the service.
 */
@ControllerAdvice(assignableTypes = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	@ExceptionHandler(ErrorResponseException.class)
	String known(ErrorResponseException ex, Model model, jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(ex.getStatusCode().value());
		if (ex.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
			return page(model, "Page not found", "If you typed the web address, check it is correct. "
					+ "If you pasted the web address, check you copied the entire address.");
		}
		return page(model, "You cannot do that now", ex.getBody().getDetail());
	}

	@ExceptionHandler(AccessDeniedException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied(AccessDeniedException ex, Model model) {
		return page(model, "You do not have access to this page", ex.getMessage());
	}

	@ExceptionHandler({ ObjectOptimisticLockingFailureException.class,
			org.springframework.dao.DataIntegrityViolationException.class })
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(Model model) {
		return page(model, "Someone else changed this assessment",
				"Someone else saved a change to this assessment at the same time, so yours was not saved. Go back, reload the page and make your change again.");
	}

	@ExceptionHandler(Exception.class)
	@ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
	String unexpected(Exception ex, Model model) {
		log.error("Unexpected error on a page", ex);
		return page(model, "Sorry, there is a problem with the service",
				"Try again later. Answers you saved before this happened are kept.");
	}

	/**
	 * The model is {@code heading} and {@code message}; not {@code title}, which the layout's own
	 * {@code title} parameter would hide, leaving the page without its title and heading.
	 */
	private static String page(Model model, String title, String message) {
		model.addAttribute("heading", title);
		model.addAttribute("message", message);
		return "error/page";
	}

}
