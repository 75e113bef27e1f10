package uk.nhs.equitylens.assessment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.proposal.InvalidProposalException;
import uk.nhs.equitylens.proposal.ProposalDocument.MitigationAnswer;
import uk.nhs.equitylens.proposal.Violation;

/**
 * Saved assessments over the API: create (and optionally submit at once), read with every
 * evaluation, update a draft, submit, respond to mitigations, list by board and status. Errors are
 * problem+json naming each field.
 */
@RestController
@Validated
@RequestMapping(path = "/api/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
class AssessmentApiController {

	private final AssessmentService service;

	AssessmentApiController(AssessmentService service) {
		this.service = service;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AssessmentView> create(@RequestBody ObjectNode document,
			@RequestParam(defaultValue = "false") boolean submit) {
		UUID id = submit ? service.createAndSubmit(document) : service.create(document).getId();
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(java.net.URI.create("/api/assessments/" + id))
			.body(view(id));
	}

	@GetMapping("/{id:[0-9a-fA-F-]{36}}")
	AssessmentView get(@PathVariable UUID id) {
		return view(id);
	}

	@PutMapping(path = "/{id:[0-9a-fA-F-]{36}}", consumes = MediaType.APPLICATION_JSON_VALUE)
	AssessmentView update(@PathVariable UUID id, @RequestBody ObjectNode document) {
		service.saveDraft(id, document);
		return view(id);
	}

	@PostMapping("/{id:[0-9a-fA-F-]{36}}/submit")
	AssessmentView submit(@PathVariable UUID id) {
		service.submit(id);
		return view(id);
	}

	@PutMapping(path = "/{id:[0-9a-fA-F-]{36}}/mitigations", consumes = MediaType.APPLICATION_JSON_VALUE)
	AssessmentView mitigations(@PathVariable UUID id, @Valid @RequestBody MitigationResponses responses) {
		service.respondToMitigations(id, responses.mitigations(), responses.declined());
		return view(id);
	}

	@GetMapping
	AssessmentView.Page list(@RequestParam(required = false) String board,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		AssessmentStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = AssessmentStatus.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidProposalException(List.of(new Violation("status",
						"'" + status + "' is not a status; expected one of " + List.of(AssessmentStatus.values()))));
			}
		}
		var found = service.list(board == null || board.isBlank() ? null : board, wanted,
				PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "updatedAt")));
		return new AssessmentView.Page(found.getContent().stream().map(AssessmentView.Summary::of).toList(),
				found.getNumber(), found.getSize(), found.getTotalElements(), found.getTotalPages());
	}

	private AssessmentView view(UUID id) {
		return service.view(id);
	}

	/**
	 * The ambassador's responses to the required mitigations.
	 *
	 * @param mitigations those taken on, with status, owner and due date
	 * @param declined those not taken, by code, with the reason why not
	 */
	record MitigationResponses(@NotNull List<@NotNull @Valid MitigationAnswer> mitigations,
			Map<String, String> declined) {

		MitigationResponses {
			declined = declined == null ? Map.of() : declined;
		}

	}

}
