package uk.nhs.equitylens.vocabulary;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.equitylens.lens.fact.MitigationStatus;
import uk.nhs.equitylens.lens.fact.Severity;

/** The shared codes and labels, so that clients and forms need no copy of the vocabulary. */
@RestController
class VocabularyController {

	private final Vocabulary vocabulary;

	VocabularyController(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	@GetMapping(path = "/api/vocabulary", produces = MediaType.APPLICATION_JSON_VALUE)
	VocabularyView vocabulary() {
		return new VocabularyView(vocabulary.version(), list(vocabulary.cohorts().values()),
				vocabulary.impactDirections(), list(vocabulary.barriers().values()), names(Severity.values()),
				list(vocabulary.clinicalAreas().values()), list(vocabulary.proposalTypes().values()),
				list(vocabulary.accessChanges().values()), list(vocabulary.assuranceLevels().values()),
				list(vocabulary.ratings().values()), list(vocabulary.mitigations().values()),
				names(MitigationStatus.values()), list(vocabulary.boards().values()), vocabulary.boardDecisions());
	}

	private static List<Term> list(Collection<Term> terms) {
		return List.copyOf(terms);
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	/** The vocabulary as served: the keys of the proposal document's code lists. */
	record VocabularyView(int version, List<Term> cohorts, List<String> impactDirections, List<Term> barriers,
			List<String> severities, List<Term> clinicalAreas, List<Term> proposalTypes, List<Term> accessChanges,
			List<Term> assuranceLevels, List<Term> ratings,
			List<Term> mitigations, List<String> mitigationStatuses, List<Term> boards, List<String> boardDecisions) {
	}

}
