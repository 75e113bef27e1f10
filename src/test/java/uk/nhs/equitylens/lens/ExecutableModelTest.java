package uk.nhs.equitylens.lens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import uk.nhs.equitylens.assessment.TestAssessor;
import uk.nhs.equitylens.lens.policy.PolicyLoader;
import uk.nhs.equitylens.proposal.InvalidProposalException;
import uk.nhs.equitylens.proposal.ProposalDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rulebase compiles under Drools' executable model too (what build-time compilation and fast
 * start-up need) and gives the same outcome as the classic compiler on every scenario and
 * calibration document.
 */
class ExecutableModelTest {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theRulebaseGivesIdenticalResultsUnderTheClassicCompilerAndTheExecutableModel() throws IOException {
		List<RuleFile> files = RuleFiles.fromFolder(TestRulebase.RULES);
		LensEngine classic = new LensEngine(new RulebaseLoader(new PolicyLoader(), null).load(files));
		LensEngine executable = new LensEngine(
				new RulebaseLoader(new PolicyLoader(), ExecutableModelProject.class).load(files));
		List<LensFacts> cases = documents();
		assertThat(cases).hasSizeGreaterThan(20);
		for (LensFacts facts : cases) {
			LensOutcome a = classic.evaluate(facts);
			LensOutcome b = executable.evaluate(facts);
			String what = facts.proposal().title();
			assertThat(b.rating()).as(what).isEqualTo(a.rating());
			assertThat(b.residualRating()).as(what).isEqualTo(a.residualRating());
			assertThat(b.score()).as(what).isEqualTo(a.score());
			assertThat(b.residualScore()).as(what).isEqualTo(a.residualScore());
			assertThat(b.equityBenefit()).as(what).isEqualTo(a.equityBenefit());
			assertThat(b.assurance()).as(what).isEqualTo(a.assurance());
			assertThat(b.assuranceScores()).as(what).isEqualTo(a.assuranceScores());
			assertThat(b.findings()).as(what).isEqualTo(a.findings());
			assertThat(b.requirements()).as(what).isEqualTo(a.requirements());
			assertThat(b.benefits()).as(what).isEqualTo(a.benefits());
			assertThat(b.firedRules()).as(what).containsExactlyInAnyOrderElementsOf(a.firedRules());
		}
	}

	/** Every valid scenario and calibration document, as the facts the lens starts from. */
	private static List<LensFacts> documents() throws IOException {
		List<LensFacts> facts = new ArrayList<>();
		for (Path folder : List.of(Path.of("rules", "scenarios"), Path.of("rules", "calibration"))) {
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
					Map<?, ?> yaml = YAML.readValue(file.toFile(), Map.class);
					Object document = yaml.containsKey("given") ? yaml.get("given") : yaml.get("proposal");
					try {
						facts.add(TestAssessor.facts(JSON.convertValue(document, ProposalDocument.class)));
					}
					catch (InvalidProposalException invalid) {
						// an invalid scenario: nothing for the lens to evaluate
					}
				}
			}
		}
		return facts;
	}

}
