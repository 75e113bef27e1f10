package uk.nhs.equitylens.people;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhs.equitylens.form.FormError;
import uk.nhs.equitylens.proposal.InvalidProposalException;
import uk.nhs.equitylens.system.WebPage;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/** The administrator's pages: people, their roles and board memberships (ADMIN only, see SecurityConfiguration). */
@Controller
class AdminPages implements WebPage {

	private final People people;

	private final Vocabulary vocabulary;

	AdminPages(People people, Vocabulary vocabulary) {
		this.people = people;
		this.vocabulary = vocabulary;
	}

	@GetMapping("/admin/people")
	String list(Model model) {
		model.addAttribute("people", people.all());
		model.addAttribute("boards", vocabulary.boards());
		return "admin/people";
	}

	@GetMapping("/admin/people/new")
	String newPerson(Model model) {
		return form(model, null, "", "", EnumSet.noneOf(Role.class), Set.of(), true, List.of());
	}

	@PostMapping("/admin/people/new")
	String create(@RequestParam MultiValueMap<String, String> posted, Model model) {
		Set<Role> roles = roles(posted);
		Set<String> boards = new TreeSet<>(posted.getOrDefault("boards", List.of()));
		try {
			people.create(value(posted, "username"), value(posted, "displayName"), value(posted, "password"), roles, boards,
					false);
		}
		catch (InvalidProposalException ex) {
			return form(model, null, value(posted, "username"), value(posted, "displayName"), roles, boards, true,
					ex.violations().stream().map(v -> new FormError("person", v.field(), v.field(), label(v.field()) + " " + v.message())).toList());
		}
		return "redirect:/admin/people";
	}

	@GetMapping("/admin/people/{id}")
	String edit(@PathVariable UUID id, Model model) {
		Person person = people.get(id);
		return form(model, person, person.getUsername(), person.getDisplayName(), person.getRoles(), person.getBoards(),
				person.isEnabled(), List.of());
	}

	@PostMapping("/admin/people/{id}")
	String change(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> posted, Model model) {
		Person person = people.get(id);
		Set<Role> roles = roles(posted);
		Set<String> boards = new TreeSet<>(posted.getOrDefault("boards", List.of()));
		boolean enabled = "true".equals(posted.getFirst("enabled"));
		try {
			people.change(id, value(posted, "displayName"), roles, boards, enabled, value(posted, "password"));
		}
		catch (InvalidProposalException ex) {
			return form(model, person, person.getUsername(), value(posted, "displayName"), roles, boards, enabled,
					ex.violations().stream().map(v -> new FormError("person", v.field(), v.field(), label(v.field()) + " " + v.message())).toList());
		}
		return "redirect:/admin/people";
	}

	private String form(Model model, Person person, String username, String displayName, Set<Role> roles,
			Set<String> boards, boolean enabled, List<FormError> errors) {
		model.addAttribute("person", person);
		model.addAttribute("username", username);
		model.addAttribute("displayName", displayName);
		model.addAttribute("roles", roles);
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("memberOf", boards);
		model.addAttribute("boards", vocabulary.boards());
		model.addAttribute("enabled", enabled);
		model.addAttribute("errors", errors);
		return "admin/person";
	}

	private static Set<Role> roles(MultiValueMap<String, String> posted) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String value : posted.getOrDefault("roles", List.of())) {
			for (Role role : Role.values()) {
				if (role.name().equals(value)) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	private static String label(String field) {
		return switch (field) {
			case "username" -> "Username:";
			case "displayName" -> "Name:";
			case "password" -> "Password:";
			case "roles" -> "Roles:";
			case "boards" -> "Boards:";
			default -> field + ":";
		};
	}

	private static String value(MultiValueMap<String, String> posted, String name) {
		String value = posted.getFirst(name);
		return value == null ? "" : value.strip();
	}

}
