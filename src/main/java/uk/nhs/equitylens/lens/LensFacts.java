package uk.nhs.equitylens.lens;

import java.util.ArrayList;
import java.util.List;

import uk.nhs.equitylens.lens.fact.Answer;
import uk.nhs.equitylens.lens.fact.Barrier;
import uk.nhs.equitylens.lens.fact.ClinicalArea;
import uk.nhs.equitylens.lens.fact.Cohort;
import uk.nhs.equitylens.lens.fact.Engagement;
import uk.nhs.equitylens.lens.fact.Evidence;
import uk.nhs.equitylens.lens.fact.Mitigation;
import uk.nhs.equitylens.lens.fact.Monitoring;
import uk.nhs.equitylens.lens.fact.Proposal;

/** The facts one evaluation starts from, made from a proposal document. */
public record LensFacts(Proposal proposal, List<Cohort> cohorts, List<Barrier> barriers,
		List<ClinicalArea> clinicalAreas, Evidence evidence, Engagement engagement, Monitoring monitoring,
		List<Mitigation> mitigations, List<Answer> answers) {

	public LensFacts {
		answers = List.copyOf(answers);
		cohorts = List.copyOf(cohorts);
		barriers = List.copyOf(barriers);
		clinicalAreas = List.copyOf(clinicalAreas);
		mitigations = List.copyOf(mitigations);
	}

	/** Every fact, in a fixed order (the same input always inserts the same way). */
	List<Object> all() {
		List<Object> facts = new ArrayList<>();
		facts.add(proposal);
		facts.addAll(cohorts);
		facts.addAll(barriers);
		facts.addAll(clinicalAreas);
		facts.add(evidence);
		facts.add(engagement);
		facts.add(monitoring);
		facts.addAll(mitigations);
		facts.addAll(answers);
		return facts;
	}

}
