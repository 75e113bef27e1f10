package uk.nhs.equitylens.proposal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import uk.nhs.equitylens.deprivation.DeprivationEdition;
import uk.nhs.equitylens.deprivation.DeprivationIndex;
import uk.nhs.equitylens.lens.fact.Impact;
import uk.nhs.equitylens.lens.fact.MitigationStatus;
import uk.nhs.equitylens.lens.fact.Severity;
import uk.nhs.equitylens.proposal.ProposalDocument.BarrierAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.CohortAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.MitigationAnswer;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * The one authority on whether a proposal document can be assessed: required fields, ranges and
 * lengths (Bean Validation on {@link ProposalDocument}), then every code against the vocabulary and
 * every area against the deprivation data. Reports all problems at once, each by field.
 */
public final class ProposalValidator {

	private final Vocabulary vocabulary;

	private final DeprivationIndex deprivation;

	private final Validator validator;

	public ProposalValidator(Vocabulary vocabulary, DeprivationIndex deprivation, Validator validator) {
		this.vocabulary = vocabulary;
		this.deprivation = deprivation;
		this.validator = validator;
	}

	/** Every problem with the document; empty when it can be assessed. */
	public List<Violation> check(ProposalDocument document) {
		List<Violation> violations = new ArrayList<>();
		if (document == null) {
			violations.add(new Violation("", "The request has no proposal document."));
			return violations;
		}
		for (ConstraintViolation<ProposalDocument> violation : validator.validate(document)) {
			violations.add(new Violation(field(violation), violation.getMessage()));
		}
		checkCodes(document, violations);
		violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
		return violations.stream().distinct().toList();
	}

	/** Throws {@link InvalidProposalException} listing every problem, if there are any. */
	public void validate(ProposalDocument document) {
		List<Violation> violations = check(document);
		if (!violations.isEmpty()) {
			throw new InvalidProposalException(violations);
		}
	}

	private void checkCodes(ProposalDocument document, List<Violation> violations) {
		code("board", document.board(), vocabulary.boards().keySet(), "programme board", violations);
		code("proposalType", document.proposalType(), vocabulary.proposalTypes().keySet(), "proposal type",
				violations);
		checkPopulation(document.population(), violations);
		List<CohortAnswer> cohorts = document.cohorts();
		for (int i = 0; i < cohorts.size(); i++) {
			CohortAnswer cohort = cohorts.get(i);
			if (cohort != null) {
				code("cohorts[" + i + "].code", cohort.code(), vocabulary.cohorts().keySet(), "cohort", violations);
				code("cohorts[" + i + "].impact", cohort.impact(), names(Impact.values()), "impact", violations);
			}
		}
		duplicates("cohorts", cohorts, CohortAnswer::code, ".code", violations);
		List<BarrierAnswer> barriers = document.barriers();
		for (int i = 0; i < barriers.size(); i++) {
			BarrierAnswer barrier = barriers.get(i);
			if (barrier != null) {
				code("barriers[" + i + "].code", barrier.code(), vocabulary.barriers().keySet(), "access barrier",
						violations);
				code("barriers[" + i + "].severity", barrier.severity(), names(Severity.values()), "severity",
						violations);
			}
		}
		duplicates("barriers", barriers, BarrierAnswer::code, ".code", violations);
		List<String> areas = document.clinicalAreas();
		for (int i = 0; i < areas.size(); i++) {
			code("clinicalAreas[" + i + "]", areas.get(i), vocabulary.clinicalAreas().keySet(), "clinical area",
					violations);
		}
		duplicates("clinicalAreas", areas, Function.identity(), "", violations);
		List<MitigationAnswer> mitigations = document.mitigations();
		for (int i = 0; i < mitigations.size(); i++) {
			MitigationAnswer mitigation = mitigations.get(i);
			if (mitigation != null) {
				code("mitigations[" + i + "].code", mitigation.code(), vocabulary.mitigations().keySet(),
						"mitigation", violations);
				code("mitigations[" + i + "].status", mitigation.status(), names(MitigationStatus.values()),
						"mitigation status", violations);
			}
		}
		duplicates("mitigations", mitigations, MitigationAnswer::code, ".code", violations);
	}

	private void checkPopulation(ProposalDocument.Population population, List<Violation> violations) {
		if (population == null) {
			return;
		}
		code("population.deprivationEdition", population.deprivationEdition(), names(DeprivationEdition.values()),
				"deprivation edition", violations);
		List<String> areas = population.areas();
		for (int i = 0; i < areas.size(); i++) {
			String area = areas.get(i);
			if (area == null) {
				continue;
			}
			String field = "population.areas[" + i + "]";
			if (!DeprivationIndex.isWellFormed(area)) {
				violations.add(new Violation(field, "'" + shorten(area)
						+ "' is not an LSOA code: expected E01 or W01 followed by 6 digits, e.g. E01013995"));
			}
			else if (!deprivation.isKnown(area)) {
				violations.add(new Violation(field, "'" + area
						+ "' is not an area in the deprivation data (English IoD 2025, IMD 2019 or Welsh WIMD 2019)"));
			}
		}
	}

	private static void code(String field, String value, Collection<String> allowed, String what,
			List<Violation> violations) {
		if (value == null || value.isBlank() || allowed.contains(value)) {
			return;
		}
		violations.add(new Violation(field, "'" + shorten(value) + "' is not a known " + what + " code; expected one of "
				+ String.join(", ", allowed)));
	}

	private static <T> void duplicates(String list, List<T> items, Function<T, String> code, String suffix,
			List<Violation> violations) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			T item = items.get(i);
			String value = item == null ? null : code.apply(item);
			if (value != null && !value.isBlank() && !seen.add(value)) {
				violations.add(new Violation(list + "[" + i + "]" + suffix,
						"'" + shorten(value) + "' is listed more than once in " + list));
			}
		}
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	/** Bean Validation's path, in the document's own terms: {@code cohorts[0].code}, {@code clinicalAreas[1]}. */
	private static String field(ConstraintViolation<?> violation) {
		return violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
	}

	/** Echo bad input back without letting it flood the response. */
	private static String shorten(String value) {
		return value.length() <= 60 ? value : value.substring(0, 57) + "...";
	}

}
