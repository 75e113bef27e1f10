package uk.nhs.equitylens.people;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. */
@Controller
class LoginController {

	private final boolean demo;

	private final boolean sso;

	LoginController(@Value("${equitylens.demo-accounts:false}") boolean demo,
			ObjectProvider<ClientRegistrationRepository> sso) {
		this.demo = demo;
		this.sso = sso.getIfAvailable() != null;
	}

	/**
	 * The sign-in page; {@code locked} is the minutes left of a lock (from {@link LoginThrottleFilter}),
	 * shown in the error summary. Anything but a small whole number is ignored.
	 */
	@GetMapping("/login")
	String login(@RequestParam(name = "locked", required = false) String locked, Model model) {
		if (locked != null && locked.matches("[0-9]{1,4}")) {
			model.addAttribute("locked", LoginThrottleFilter.message(Math.max(1, Integer.parseInt(locked))));
		}
		model.addAttribute("demo", demo);
		model.addAttribute("sso", sso);
		return "login";
	}

}
