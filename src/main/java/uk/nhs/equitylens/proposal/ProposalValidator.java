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
import uk.nhs.equitylens.proposal.ProposalDocument.AssessorView;
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

	/** The statuses that count toward the residual rating, and so need an owner and a due date. */
	private static final Set<String> TAKEN_ON = Set.of("COMMITTED", "DONE");

	private final Vocabulary vocabulary;

	private final DeprivationIndex deprivation;

	private final Validator validator;

	public ProposalValidator(Vocabulary vocabulary, DeprivationIndex deprivation, Validator validator) {
		this.vocabulary = vocabulary;
		this.deprivation = deprivation;
		this.validator = validator;
	}

	/**
	 * Every problem with the document; empty when it can be assessed. Completeness for submission is
	 * a separate question ({@link Completeness}): a dry run assesses an incomplete document.
	 */
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
		if (document.accessChangesGiven()) {
			List<String> changes = document.accessChanges();
			for (int i = 0; i < changes.size(); i++) {
				code("accessChanges[" + i + "]", changes.get(i), vocabulary.accessChanges().keySet(), "access change",
						violations);
			}
			duplicates("accessChanges", changes, Function.identity(), "", violations);
		}
		checkAssessorView(document.assessorView(), violations);
		violations.addAll(checkMitigations(document.mitigations()));
	}

	/**
	 * The problems with a list of mitigation responses on their own: codes, statuses, no code twice,
	 * and an owner and a due date for every one that is COMMITTED or DONE. Used for whole documents
	 * and for the mitigation responses of a saved assessment alike.
	 */
	public List<Violation> checkMitigations(List<MitigationAnswer> mitigations) {
		List<Violation> violations = new ArrayList<>();
		for (int i = 0; i < mitigations.size(); i++) {
			MitigationAnswer mitigation = mitigations.get(i);
			if (mitigation == null) {
				continue;
			}
			String at = "mitigations[" + i + "]";
			code(at + ".code", mitigation.code(), vocabulary.mitigations().keySet(), "mitigation", violations);
			code(at + ".status", mitigation.status(), names(MitigationStatus.values()), "mitigation status",
					violations);
			if (mitigation.status() != null && TAKEN_ON.contains(mitigation.status())) {
				String status = mitigation.status().toLowerCase(java.util.Locale.UK);
				if (mitigation.owner() == null || mitigation.owner().isBlank()) {
					violations.add(new Violation(at + ".owner",
							"Name who owns this mitigation: a mitigation that is " + status + " needs an owner"));
				}
				if (mitigation.due() == null) {
					violations.add(new Violation(at + ".due",
							"Give the date this mitigation is due: a mitigation that is " + status + " needs a due date"));
				}
			}
		}
		duplicates("mitigations", mitigations, MitigationAnswer::code, ".code", violations);
		return violations;
	}

	private void checkAssessorView(AssessorView view, List<Violation> violations) {
		if (view == null) {
			return;
		}
		code("assessorView.rating", view.rating(), vocabulary.ratings().keySet(), "rating", violations);
		boolean rated = view.rating() != null && !view.rating().isBlank();
		if (rated && (view.reason() == null || view.reason().isBlank())) {
			violations.add(new Violation("assessorView.reason", "Give the reason for your own rating"));
		}
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
