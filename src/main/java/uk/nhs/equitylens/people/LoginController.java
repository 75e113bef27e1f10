package uk.nhs.equitylens.people;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demo", demo);
		model.addAttribute("sso", sso);
		return "login";
	}

}
