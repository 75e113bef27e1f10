package uk.nhs.equitylens.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The about page: what Equity Lens is and what its four ratings mean. */
@Controller
class AboutController {

	@GetMapping("/about")
	String about() {
		return "about";
	}

}
