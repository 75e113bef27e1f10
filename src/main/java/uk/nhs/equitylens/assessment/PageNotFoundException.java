package uk.nhs.equitylens.assessment;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A page that does not exist, such as a form section the form does not have: 404. */
class PageNotFoundException extends ErrorResponseException {

	PageNotFoundException(String message) {
		super(HttpStatus.NOT_FOUND);
		getBody().setDetail(message);
	}

}
