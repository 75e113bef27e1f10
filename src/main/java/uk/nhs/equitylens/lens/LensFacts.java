package uk.nhs.equitylens.lens;

import java.util.ArrayList;
import java.util.List;

import uk.nhs.equitylens.lens.fact.AccessChange;
import uk.nhs.equitylens.lens.fact.Answer;
import uk.nhs.equitylens.lens.fact.Barrier;
import uk.nhs.equitylens.lens.fact.ClinicalArea;
import uk.nhs.equitylens.lens.fact.Cohort;
import uk.nhs.equitylens.lens.fact.Completeness;
import uk.nhs.equitylens.lens.fact.CumulativePressure;
import uk.nhs.equitylens.lens.fact.Engagement;
import uk.nhs.equitylens.lens.fact.Evidence;
import uk.nhs.equitylens.lens.fact.Mitigation;
import uk.nhs.equitylens.lens.fact.Monitoring;
import uk.nhs.equitylens.lens.fact.Proposal;

/**
 * The facts one evaluation starts from, made from a proposal document.
 *
 * @param accessChanges the changes the document gives (none when it gives none: the rules infer them)
 * @param cumulative other proposals bearing on the same people; {@code null} when there are none
 */
public record LensFacts(Proposal proposal, List<Cohort> cohorts, List<Barrier> barriers,
		List<ClinicalArea> clinicalAreas, List<AccessChange> accessChanges, Evidence evidence, Engagement engagement,
		Monitoring monitoring, List<Mitigation> mitigations, List<Answer> answers, Completeness completeness,
		CumulativePressure cumulative) {

	public LensFacts {
		answers = List.copyOf(answers);
		cohorts = List.copyOf(cohorts);
		barriers = List.copyOf(barriers);
		clinicalAreas = List.copyOf(clinicalAreas);
		accessChanges = List.copyOf(accessChanges);
		mitigations = List.copyOf(mitigations);
	}

	/** Every fact, in a fixed order (the same input always inserts the same way). */
	List<Object> all() {
		List<Object> facts = new ArrayList<>();
		facts.add(proposal);
		facts.addAll(cohorts);
		facts.addAll(barriers);
		facts.addAll(clinicalAreas);
		facts.addAll(accessChanges);
		facts.add(evidence);
		facts.add(engagement);
		facts.add(monitoring);
		facts.addAll(mitigations);
		facts.addAll(answers);
		facts.add(completeness);
		if (cumulative != null) {
			facts.add(cumulative);
		}
		return facts;
	}

}
