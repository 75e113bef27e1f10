package uk.nhs.equitylens.rulebase;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import uk.nhs.equitylens.assessment.AssessmentResult;
import uk.nhs.equitylens.assessment.Assessor;
import uk.nhs.equitylens.lens.LensEngine;
import uk.nhs.equitylens.proposal.InvalidProposalException;
import uk.nhs.equitylens.proposal.ProposalDocument;

/**
 * Runs scenario files ({@code rules/scenarios/*.yaml}: a proposal document and what the lens must
 * make of it) against a rulebase, and says which expectations fail. A candidate rulebase is
 * activated only when every scenario passes.
 */
final class ScenarioChecks {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Assessor assessor;

	ScenarioChecks(Assessor assessor) {
		this.assessor = assessor;
	}

	/** One scenario file's name and text. */
	record ScenarioFile(String name, String text) {
	}

	/** Every failed expectation, as "file: what was expected, what the lens gave"; empty when all pass. */
	List<String> failures(List<ScenarioFile> files, LensEngine engine) {
		List<String> failures = new ArrayList<>();
		for (ScenarioFile file : files) {
			try {
				failures.addAll(check(file, engine));
			}
			catch (RuntimeException ex) {
				failures.add(file.name() + ": cannot be run: " + ex.getMessage());
			}
		}
		return failures;
	}

	private List<String> check(ScenarioFile file, LensEngine engine) {
		JsonNode scenario = YAML.readTree(file.text());
		JsonNode expect = scenario.path("expect");
		ProposalDocument document = YAML.treeToValue(scenario.path("given"), ProposalDocument.class);
		List<String> violations = strings(expect.path("violations"));
		List<String> failures = new ArrayList<>();
		AssessmentResult result;
		try {
			result = assessor.evaluate(document, "scenario", engine).result();
		}
		catch (InvalidProposalException ex) {
			Set<String> fields = ex.violations().stream().map(v -> v.field()).collect(Collectors.toSet());
			if (violations.isEmpty()) {
				failures.add(file.name() + ": the document was rejected: " + ex.violations());
			}
			violations.stream().filter(v -> !fields.contains(v))
				.forEach(v -> failures.add(file.name() + ": expected a problem with " + v + ", got " + fields));
			return failures;
		}
		if (!violations.isEmpty()) {
			failures.add(file.name() + ": expected the document to be rejected for " + violations);
			return failures;
		}
		String name = file.name();
		expectEqual(failures, name, "rating", text(expect, "rating"), result.rating());
		List<String> ratingIn = strings(expect.path("ratingIn"));
		if (!ratingIn.isEmpty() && !ratingIn.contains(result.rating())) {
			failures.add(name + ": rating " + result.rating() + " is not in " + ratingIn);
		}
		expectEqual(failures, name, "residualRating", text(expect, "residualRating"), result.residualRating());
		expectScore(failures, name, "score", expect.path("score"), result.score());
		expectScore(failures, name, "residualScore", expect.path("residualScore"), result.residualScore());
		expectEqual(failures, name, "assurance", text(expect, "assurance"), result.assurance().level());
		expectRange(failures, name, "equityBenefit", expect.path("equityBenefit"), result.equityBenefit());
		Set<String> findings = result.findings().stream().map(AssessmentResult.FindingView::ruleId).collect(Collectors.toSet());
		Set<String> required = result.requiredMitigations().stream().map(AssessmentResult.RequiredMitigationView::code)
			.collect(Collectors.toSet());
		Set<String> satisfied = result.requiredMitigations().stream().filter(AssessmentResult.RequiredMitigationView::satisfied)
			.map(AssessmentResult.RequiredMitigationView::code).collect(Collectors.toSet());
		if (expect.path("findings").isArray()) {
			// the exact set: a finding nobody expected is as much a regression as one that went missing
			Set<String> expected = Set.copyOf(strings(expect.path("findings")));
			expected.stream().filter(r -> !findings.contains(r)).sorted()
				.forEach(r -> failures.add(name + ": no finding from " + r));
			findings.stream().filter(r -> !expected.contains(r)).sorted()
				.forEach(r -> failures.add(name + ": a finding from " + r + " was not expected"));
		}
		strings(expect.path("noFindings")).stream().filter(findings::contains)
			.forEach(r -> failures.add(name + ": a finding from " + r + " was not expected"));
		strings(expect.path("fired")).stream().filter(r -> !result.firedRules().contains(r))
			.forEach(r -> failures.add(name + ": " + r + " did not fire"));
		strings(expect.path("requiredMitigations")).stream().filter(c -> !required.contains(c))
			.forEach(c -> failures.add(name + ": " + c + " is not required"));
		strings(expect.path("notRequired")).stream().filter(required::contains)
			.forEach(c -> failures.add(name + ": " + c + " is required but should not be"));
		strings(expect.path("satisfied")).stream().filter(c -> !satisfied.contains(c))
			.forEach(c -> failures.add(name + ": " + c + " is not satisfied"));
		String source = text(expect, "deprivationSource");
		if (source != null && (result.deprivation() == null || !source.equals(result.deprivation().source()))) {
			failures.add(name + ": deprivation source " + (result.deprivation() == null ? null : result.deprivation().source())
					+ ", expected " + source);
		}
		return failures;
	}

	private static void expectEqual(List<String> failures, String name, String what, String expected, String actual) {
		if (expected != null && !expected.equals(actual)) {
			failures.add(name + ": " + what + " " + actual + ", expected " + expected);
		}
	}

	/** A score: an exact figure checked within 3 points, or an inclusive range {@code [min, max]}. */
	private static void expectScore(List<String> failures, String name, String what, JsonNode expected, int actual) {
		if (expected.isNumber() && Math.abs(actual - expected.asInt()) > 3) {
			failures.add(name + ": " + what + " " + actual + ", expected " + expected.asInt() + " (within 3)");
		}
		else {
			expectRange(failures, name, what, expected, actual);
		}
	}

	private static void expectRange(List<String> failures, String name, String what, JsonNode range, int actual) {
		if (range.isArray() && range.size() == 2 && (actual < range.get(0).asInt() || actual > range.get(1).asInt())) {
			failures.add(name + ": " + what + " " + actual + " is outside " + range);
		}
	}

	private static String text(JsonNode node, String key) {
		JsonNode value = node.get(key);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static List<String> strings(JsonNode list) {
		return list.isArray() ? list.valueStream().map(JsonNode::asString).toList() : List.of();
	}

}
