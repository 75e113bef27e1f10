package uk.nhs.equitylens.lens;

import java.util.ArrayList;
import java.util.List;

import uk.nhs.equitylens.lens.fact.AccessChange;
import uk.nhs.equitylens.lens.fact.Barrier;
import uk.nhs.equitylens.lens.fact.Completeness;
import uk.nhs.equitylens.lens.fact.CumulativePressure;
import uk.nhs.equitylens.lens.fact.ClinicalArea;
import uk.nhs.equitylens.lens.fact.Cohort;
import uk.nhs.equitylens.lens.fact.Engagement;
import uk.nhs.equitylens.lens.fact.Evidence;
import uk.nhs.equitylens.lens.fact.Impact;
import uk.nhs.equitylens.lens.fact.Mitigation;
import uk.nhs.equitylens.lens.fact.MitigationStatus;
import uk.nhs.equitylens.lens.fact.Monitoring;
import uk.nhs.equitylens.lens.fact.Proposal;
import uk.nhs.equitylens.lens.fact.Severity;
import uk.nhs.equitylens.vocabulary.Term;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/** Facts for rule tests, built up fluently with labels and categories from the real vocabulary. */
final class Given {

	static final Vocabulary VOCABULARY = Vocabulary.load();

	private String type = "SERVICE_CHANGE";

	private long affected = 2000;

	private Double core20Share = 0.15;

	private final List<Cohort> cohorts = new ArrayList<>();

	private final List<Barrier> barriers = new ArrayList<>();

	private final List<ClinicalArea> areas = new ArrayList<>();

	private Evidence evidence = new Evidence(true, true);

	private Engagement engagement = new Engagement(true, true);

	private Monitoring monitoring = new Monitoring(true, true, true);

	private final List<Mitigation> mitigations = new ArrayList<>();

	private List<String> accessChanges;

	private Completeness completeness = Completeness.whole();

	private CumulativePressure cumulative;

	/** A service change for 2,000 people, 15% Core20, with evidence, co-production and monitoring done. */
	static Given aWellPreparedChange() {
		return new Given();
	}

	Given type(String type) {
		this.type = type;
		return this;
	}

	Given affected(long affected) {
		this.affected = affected;
		return this;
	}

	Given core20Share(Double share) {
		this.core20Share = share;
		return this;
	}

	Given cohort(String code, Impact impact) {
		Term term = VOCABULARY.cohorts().get(code);
		cohorts.add(new Cohort(code, term.label(), term.category(), impact, true));
		return this;
	}

	Given unevidencedCohort(String code, Impact impact) {
		Term term = VOCABULARY.cohorts().get(code);
		cohorts.add(new Cohort(code, term.label(), term.category(), impact, false));
		return this;
	}

	Given barrier(String code, Severity severity) {
		barriers.add(new Barrier(code, VOCABULARY.barriers().get(code).label(), severity));
		return this;
	}

	Given clinicalArea(String code) {
		Term term = VOCABULARY.clinicalAreas().get(code);
		areas.add(new ClinicalArea(code, term.label(), term.population()));
		return this;
	}

	Given evidence(boolean disaggregated, boolean sources) {
		this.evidence = new Evidence(disaggregated, sources);
		return this;
	}

	Given engagement(boolean engaged, boolean coProduced) {
		this.engagement = new Engagement(engaged, coProduced);
		return this;
	}

	Given monitoring(boolean planned, boolean byDeprivation, boolean byEthnicity) {
		this.monitoring = new Monitoring(planned, byDeprivation, byEthnicity);
		return this;
	}

	/** What happens to the ways in, as the document says it; none given means inferred from the type. */
	Given accessChanges(String... codes) {
		this.accessChanges = List.of(codes);
		return this;
	}

	Given incomplete(String... missing) {
		this.completeness = new Completeness(false, List.of(missing), List.of(missing));
		return this;
	}

	Given cumulative(int count, String... cohorts) {
		List<String> titles = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			titles.add("Other proposal " + i);
		}
		this.cumulative = new CumulativePressure(count, titles, List.of(cohorts));
		return this;
	}

	Given mitigation(String code, MitigationStatus status) {
		mitigations.removeIf(m -> m.code().equals(code));
		mitigations.add(new Mitigation(code, status));
		return this;
	}

	LensFacts facts() {
		String statement = core20Share == null ? null
				: Math.round(core20Share * 100) + "% of the " + String.format("%,d", affected)
						+ " people affected live in the most deprived 20% of areas";
		Proposal proposal = new Proposal("Test proposal", type, VOCABULARY.proposalTypes().get(type).label(), affected,
				core20Share, statement, 0, accessChanges != null);
		List<AccessChange> changes = accessChanges == null ? List.of()
				: accessChanges.stream().map(c -> new AccessChange(c, c, false)).toList();
		return new LensFacts(proposal, cohorts, barriers, areas, changes, evidence, engagement, monitoring,
				mitigations, List.of(), completeness, cumulative);
	}

	LensOutcome evaluate() {
		return TestRulebase.engine().evaluate(facts());
	}

}
