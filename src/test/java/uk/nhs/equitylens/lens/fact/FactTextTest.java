package uk.nhs.equitylens.lens.fact;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log keeps each firing's facts as text. The fact records write that text themselves
 * (faster than the JDK's record toString); it must stay exactly what a record's own toString gives,
 * with every component, so that a component added later is not silently left out of the audit.
 */
class FactTextTest {

	private static final List<Record> FACTS = List.of(
			new Proposal("Online booking", "DIGITAL_CHANNEL", "Digital channel", 12_000, 0.34,
					"34% of the 12,000 people affected live in the most deprived 20% of areas", 3, true),
			new Proposal("Estates", "WORKFORCE_ESTATES", "Workforce or estates", 0, null, null, 0, false),
			new Cohort("AGE", "Age", "protected", Impact.NEGATIVE, true),
			new Barrier("DIGITAL_ONLY", "Access only or mainly online / by app", Severity.HIGH),
			new ClinicalArea("ASTHMA_CYP", "Children and young people: asthma", "children"),
			new Evidence(true, false), new Engagement(false, true), new Monitoring(true, false, true),
			new Mitigation("NON_DIGITAL_ROUTE", MitigationStatus.COMMITTED),
			new Answer("travel.longestJourneyMinutes", "75", 75.0), new Answer("flag", "true", null));

	@Test
	void everyFactRecordWritesItselfAsARecordDoes() throws Exception {
		for (Record fact : FACTS) {
			assertThat(fact.toString()).isEqualTo(asRecord(fact));
		}
	}

	/** {@code Name[a=1, b=x]}, as {@code java.lang.runtime.ObjectMethods} writes a record. */
	private static String asRecord(Record fact) throws Exception {
		StringJoiner text = new StringJoiner(", ", fact.getClass().getSimpleName() + "[", "]");
		for (RecordComponent component : fact.getClass().getRecordComponents()) {
			text.add(component.getName() + "=" + component.getAccessor().invoke(fact));
		}
		return text.toString();
	}

}
