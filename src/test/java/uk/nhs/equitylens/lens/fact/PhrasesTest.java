package uk.nhs.equitylens.lens.fact;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhrasesTest {

	private static Cohort cohort(String code, String label, String category, Impact impact) {
		return new Cohort(code, label, category, impact, true);
	}

	@Test
	void figuresReadAsABoardPaperWouldPrintThem() {
		assertThat(Phrases.percent(0.34)).isEqualTo("34%");
		assertThat(Phrases.number(12000)).isEqualTo("12,000");
	}

	@Test
	void numbersAreGroupedInThousandsAsTheUkFormatGroupsThem() {
		for (long value : new long[] { 0, 7, -7, 999, 1000, -1000, 12_000, 100_000, 999_999, 1_000_000, 1_234_567,
				-12_345_678, Long.MAX_VALUE, Long.MIN_VALUE }) {
			assertThat(Phrases.number(value)).as("%d", value).isEqualTo(String.format(java.util.Locale.UK, "%,d", value));
		}
	}

	@Test
	void labelsAreJoinedInASentenceAndNamesOfPeoplesKeepTheirCapitals() {
		Cohort gypsy = cohort("GYPSY_ROMA_TRAVELLER", "Gypsy, Roma and Traveller communities", "inclusion_health",
				Impact.NEGATIVE);
		Cohort homeless = cohort("HOMELESS", "People experiencing homelessness", "inclusion_health", Impact.NEGATIVE);
		Cohort age = cohort("AGE", "Age", "protected", Impact.UNKNOWN);

		assertThat(Phrases.labels(List.of(homeless, age)))
			.isEqualTo("people experiencing homelessness and people sharing the protected characteristic of age");
		assertThat(Phrases.labels(List.of(homeless, gypsy)))
			.isEqualTo("Gypsy, Roma and Traveller communities; and people experiencing homelessness");
		assertThat(Phrases.atRisk(List.of(homeless, age))).isEqualTo(
				"people experiencing homelessness, who are expected to be worse off, and people sharing the protected "
						+ "characteristic of age, for whom the impact is not known");
	}

	@Test
	void vocabularyLabelsBecomeNaturalPhrases() {
		assertThat(Phrases.label(cohort("CORE20",
				"People living in the most deprived 20% of areas (national IMD deciles 1-2)", "core20", Impact.NEGATIVE)))
			.isEqualTo("People living in the most deprived 20% of areas");
		assertThat(Phrases.label(cohort("DISABILITY", "Disability", "protected", Impact.NEGATIVE)))
			.isEqualTo("Disabled people");
		assertThat(Phrases.label(new ClinicalArea("CYP_ASTHMA", "Children and young people: asthma", "children")))
			.isEqualTo("Children and young people's asthma");
		assertThat(Phrases.capital("people")).isEqualTo("People");
	}

}
