package uk.nhs.equitylens.people;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is signed in as: lets a script check its credentials and see its roles and boards
 * before it does anything. Small on purpose; the HTTP benchmark uses it as the baseline of an
 * authenticated JSON request.
 */
@RestController
class MeController {

	@GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
	Me me() {
		LensUser user = CurrentUser.get();
		return new Me(user.username(), user.displayName(), user.roles().stream().map(Role::name).sorted().toList(),
				user.boards().stream().sorted().toList());
	}

	record Me(String username, String displayName, List<String> roles, List<String> boards) {
	}

}
