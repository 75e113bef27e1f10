package uk.nhs.equitylens.lens;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rulebase refuses to load with a message that names the file, the line and the problem. */
class RulebaseLoaderTest {

	private static final String HEADER = """
			package lens;

			import uk.nhs.equitylens.lens.fact.*;

			""";

	private static String rule(String name, String metadata, String layer) {
		return """
				rule "%s"
					%s
					ruleflow-group "%s"
				when
					Proposal(affected > 0)
				then
				end
				""".formatted(name, metadata, layer);
	}

	private static final String GOOD_METADATA = "@ruleId(\"TST-001\") @domain(\"cohorts\") @rationale(\"A test rule.\")";

	private final RulebaseLoader loader = new RulebaseLoader();

	@Test
	void aRuleFileThatDoesNotCompileNamesFileAndLine() {
		String broken = HEADER + """
				rule "Broken"
					@ruleId("TST-001") @domain("cohorts") @rationale("Refers to a fact type that does not exist.")
					ruleflow-group "assess"
				when
					NoSuchFact(size > 3)
				then
				end
				""";

		assertThatThrownBy(() -> loader.load(withTables(RuleFile.of("lens/broken.drl", broken))))
			.isInstanceOf(RulebaseException.class)
			.hasMessageContaining("lens/broken.drl [line 9]")
			.hasMessageContaining("NoSuchFact");
	}

	@Test
	void aSyntaxErrorNamesFileAndLine() {
		String broken = HEADER + rule("Fine", GOOD_METADATA, "assess") + """

				rule "Bad constraint"
					@ruleId("TST-002") @domain("cohorts") @rationale("x")
					ruleflow-group "assess"
				when
					Proposal(affected > )
				then
				end
				""";

		assertThatThrownBy(() -> loader.load(withTables(RuleFile.of("lens/syntax.drl", broken))))
			.isInstanceOf(RulebaseException.class)
			.satisfies(ex -> assertThat(((RulebaseException) ex).problems())
				.isNotEmpty()
				.allSatisfy(p -> assertThat(p).startsWith("lens/syntax.drl [line 1").doesNotContain("Stack trace"))
				.anySatisfy(p -> assertThat(p).startsWith("lens/syntax.drl [line 17]")));
	}

	@Test
	void aRuleWithoutMetadataIsALoadError() {
		String file = HEADER + rule("No metadata", "", "assess");

		assertThatThrownBy(() -> loader.load(withTables(RuleFile.of("lens/bare.drl", file))))
			.isInstanceOf(RulebaseException.class)
			.satisfies(ex -> assertThat(((RulebaseException) ex).problems()).containsExactlyInAnyOrder(
					"lens/bare.drl [line 5]: rule \"No metadata\" has no @ruleId(\"XXX-000\")",
					"lens/bare.drl [line 5]: rule \"No metadata\" has no @domain; use one of " + Rulebase.DOMAINS,
					"lens/bare.drl [line 5]: rule \"No metadata\" has no @rationale(\"...\"): say in one line why the rule exists"));
	}

	@Test
	void descriptionIsRefusedInFavourOfRationale() {
		String file = HEADER + rule("Described",
				"@ruleId(\"TST-001\") @domain(\"cohorts\") @rationale(\"x\") @description(\"y\")", "assess");

		assertThatThrownBy(() -> loader.load(withTables(RuleFile.of("lens/described.drl", file))))
			.hasMessageContaining("lens/described.drl [line 6]: uses @description");
	}

	@Test
	void idsMustBeWellFormedAndUniqueDomainsKnownAndLayersKnown() {
		String file = HEADER + rule("One", GOOD_METADATA, "assess") + "\n"
				+ rule("Two", "@ruleId(\"TST-001\") @domain(\"cohorts\") @rationale(\"x\")", "assess") + "\n"
				+ rule("Three", "@ruleId(\"tst1\") @domain(\"weather\") @rationale(\"x\")", "sometime");

		assertThatThrownBy(() -> loader.load(withTables(RuleFile.of("lens/mixed.drl", file))))
			.isInstanceOf(RulebaseException.class)
			.satisfies(ex -> assertThat(((RulebaseException) ex).problems()).hasSize(4)
				.anySatisfy(p -> assertThat(p).contains("reuses @ruleId(\"TST-001\")"))
				.anySatisfy(p -> assertThat(p).contains("rule \"Three\" has @ruleId(\"tst1\"), which is not of the form"))
				.anySatisfy(p -> assertThat(p).contains("@domain(\"weather\")"))
				.anySatisfy(p -> assertThat(p).contains("ruleflow-group \"sometime\"")));
	}

	@Test
	void aGoodRulebaseLoadsWithItsMetadataAndAContentVersion() {
		String file = HEADER + rule("Fine", GOOD_METADATA, "assess");

		Rulebase rulebase = loader.load(withTables(RuleFile.of("lens/fine.drl", file)));

		assertThat(rulebase.rules()).singleElement().satisfies(rule -> {
			assertThat(rule.ruleId()).isEqualTo("TST-001");
			assertThat(rule.domain()).isEqualTo("cohorts");
			assertThat(rule.rationale()).isEqualTo("A test rule.");
			assertThat(rule.file()).isEqualTo("lens/fine.drl");
			assertThat(rule.line()).isEqualTo(5);
			assertThat(rule.layer()).isEqualTo("assess");
		});
		assertThat(rulebase.version()).matches("sha256:[0-9a-f]{64}");
		assertThat(loader.load(withTables(RuleFile.of("lens/fine.drl", file))).version()).isEqualTo(rulebase.version());
		assertThat(loader.load(withTables(RuleFile.of("lens/fine.drl", file + "\n"))).version())
			.isNotEqualTo(rulebase.version());
	}

	@Test
	void theProjectRulebaseLoadsAndEveryRuleIsDocumented() {
		Rulebase rulebase = TestRulebase.get();

		assertThat(rulebase.rules()).hasSizeGreaterThanOrEqualTo(25);
		assertThat(rulebase.rules()).allSatisfy(rule -> {
			assertThat(rule.line()).as(rule.ruleId()).isPositive();
			assertThat(rule.file()).as(rule.ruleId()).startsWith("lens/");
		});
		assertThat(rulebase.rules().stream().map(RuleInfo::domain).distinct())
			.containsExactlyInAnyOrderElementsOf(Rulebase.DOMAINS);
	}

	@Test
	void anEmptyOrMissingFolderIsRefused() {
		assertThatThrownBy(() -> loader.load(List.of())).hasMessageContaining("no .drl files");
		assertThatThrownBy(() -> RuleFiles.fromFolder(java.nio.file.Path.of("no-such-folder")))
			.hasMessageContaining("does not exist");
	}


	/** The project's policy tables beside a rule file under test: the rules read them, so every rulebase has them. */
	static List<RuleFile> withTables(RuleFile... drl) {
		List<RuleFile> files = new java.util.ArrayList<>(
				RuleFiles.fromFolder(TestRulebase.RULES).stream().filter(f -> !f.isDrl()).toList());
		files.addAll(List.of(drl));
		return files;
	}

	@Test
	void aMalformedTableCellIsALoadErrorNamingFileLineAndColumn() {
		List<RuleFile> files = new java.util.ArrayList<>(RuleFiles.fromFolder(TestRulebase.RULES));
		RuleFile cohorts = files.stream().filter(f -> f.path().equals("policy/cohorts.csv")).findFirst().orElseThrow();
		files.remove(cohorts);
		String broken = cohorts.text().replaceFirst("\nCORE20,10,", "\nCORE20,ten,").replace("HOMELESS,", "HOMELES,");
		files.add(RuleFile.of("policy/cohorts.csv", broken));

		assertThatThrownBy(() -> loader.load(files)).isInstanceOf(RulebaseException.class)
			.satisfies(ex -> assertThat(((RulebaseException) ex).problems())
				.anySatisfy(p -> assertThat(p).isEqualTo("policy/cohorts.csv [line 2]: harm: \"ten\" is not a number"))
				.anySatisfy(p -> assertThat(p).contains("policy/cohorts.csv [line 3]: code: \"HOMELES\" is not a code"))
				.anySatisfy(p -> assertThat(p).contains("has no row for cohort HOMELESS")));
	}

	@Test
	void aChangeToATableIsANewRulebaseVersion() {
		List<RuleFile> files = RuleFiles.fromFolder(TestRulebase.RULES);
		List<RuleFile> changed = files.stream()
			.map(f -> f.path().equals("policy/parameters.csv")
					? RuleFile.of(f.path(), f.text().replace("mitigation_credit,0.6", "mitigation_credit,0.55")) : f)
			.toList();

		assertThat(loader.load(changed).version()).isNotEqualTo(TestRulebase.get().version());
	}

	@Test
	void codesForTheSamePeopleCannotBeAnIntersection() {
		List<RuleFile> files = RuleFiles.fromFolder(TestRulebase.RULES).stream()
			.map(f -> f.path().equals("policy/intersections.csv")
					? RuleFile.of(f.path(), f.text() + "ETHNIC_MINORITY,RACE,3,\"Not an overlap.\"\n") : f)
			.toList();

		assertThatThrownBy(() -> loader.load(files)).isInstanceOf(RulebaseException.class)
			.hasMessageContaining("name the same people (same-people.csv): never an intersection");
	}

}
