package uk.nhs.equitylens.vocabulary;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class VocabularyTest {

	private static final Path SHARED = Path.of("..", "shared", "spec", "lens-vocabulary.yaml");

	@Test
	void theShippedCopyIsTheSharedVocabularyVerbatim() throws Exception {
		assumeThat(Files.exists(SHARED)).as("the shared spec is beside the project on this machine").isTrue();
		try (InputStream in = Vocabulary.class.getResourceAsStream(Vocabulary.RESOURCE)) {
			assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(SHARED));
		}
	}

	@Test
	void theVocabularyLoadsEveryList() {
		Vocabulary vocabulary = Vocabulary.load();

		assertThat(vocabulary.cohorts()).containsKeys("CORE20", "AGE", "HOMELESS");
		assertThat(vocabulary.cohorts().get("CORE20").category()).isEqualTo("core20");
		assertThat(vocabulary.cohorts().values()).filteredOn(t -> "protected".equals(t.category())).hasSize(9);
		assertThat(vocabulary.impactDirections()).containsExactly("POSITIVE", "NEUTRAL", "NEGATIVE", "UNKNOWN");
		assertThat(vocabulary.barriers()).containsKey("DIGITAL_ONLY");
		assertThat(vocabulary.clinicalAreas().get("CYP_ASTHMA").population()).isEqualTo("children");
		assertThat(vocabulary.proposalTypes()).hasSize(7);
		assertThat(vocabulary.ratings()).containsOnlyKeys("LOW", "MODERATE", "HIGH", "SEVERE");
		assertThat(vocabulary.mitigations()).containsKey("NON_DIGITAL_ROUTE");
		assertThat(vocabulary.boards()).hasSize(8).containsKey("PLANNED_CARE");
		assertThat(vocabulary.boardDecisions()).contains("APPROVED_WITH_CONDITIONS");
	}

	@Test
	void versionTwoAddsAccessChangesAssuranceLevelsAndAgeGroups() {
		Vocabulary vocabulary = Vocabulary.load();

		assertThat(vocabulary.version()).isEqualTo(2);
		assertThat(vocabulary.accessChanges()).containsOnlyKeys("CLOSES_A_ROUTE", "MOVES_A_ROUTE", "REDUCES_A_ROUTE",
				"MAKES_A_ROUTE_DIGITAL", "TIGHTENS_ELIGIBILITY", "ADDS_A_ROUTE");
		assertThat(vocabulary.accessChanges().keySet()).first().isEqualTo("CLOSES_A_ROUTE");
		assertThat(vocabulary.accessChanges().get("ADDS_A_ROUTE").label()).startsWith("A new way in");
		assertThat(vocabulary.assuranceLevels().keySet()).containsExactly("STRONG", "ADEQUATE", "WEAK");
		assertThat(vocabulary.cohortsIn("age_group")).extracting(Term::code)
			.containsExactly("OLDER_PEOPLE", "CHILDREN_YOUNG_PEOPLE");
		assertThat(vocabulary.cohortsIn("protected")).hasSize(9).first().extracting(Term::code).isEqualTo("AGE");
	}

	@Test
	void aDeploymentCanConfigureItsOwnBoards() {
		Vocabulary vocabulary = Vocabulary.load(java.util.List.of(Term.of("STROKE", "Stroke network")));

		assertThat(vocabulary.boards()).containsOnlyKeys("STROKE");
	}

}
