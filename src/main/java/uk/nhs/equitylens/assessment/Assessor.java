package uk.nhs.equitylens.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.nhs.equitylens.deprivation.DeprivationEdition;
import uk.nhs.equitylens.deprivation.DeprivationIndex;
import uk.nhs.equitylens.deprivation.DeprivationProfile;
import uk.nhs.equitylens.lens.ActiveRulebase;
import uk.nhs.equitylens.lens.LensEngine;
import uk.nhs.equitylens.lens.LensFacts;
import uk.nhs.equitylens.lens.LensOutcome;
import uk.nhs.equitylens.lens.fact.DomainScore;
import uk.nhs.equitylens.lens.fact.Finding;
import uk.nhs.equitylens.lens.fact.RequiredMitigation;
import uk.nhs.equitylens.lens.fact.RiskReduction;
import uk.nhs.equitylens.proposal.ProposalDocument;
import uk.nhs.equitylens.proposal.ProposalDocument.MitigationAnswer;
import uk.nhs.equitylens.proposal.ProposalValidator;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * Assesses a proposal document: validates it, works out the Core20 share (given, or from the areas
 * named and the deprivation data), applies the lens and writes the result in the terms of the
 * spec. Plain Java: the scenario tests use it without Spring.
 */
public class Assessor {

	private final Vocabulary vocabulary;

	private final DeprivationIndex deprivation;

	private final ProposalValidator validator;

	private final ActiveRulebase active;

	private final DeprivationEdition defaultEdition;

	private final String defaultFormVersion;

	private final FactMapper facts;

	public Assessor(Vocabulary vocabulary, DeprivationIndex deprivation, ProposalValidator validator, LensEngine engine,
			DeprivationEdition defaultEdition, String defaultFormVersion) {
		this(vocabulary, deprivation, validator, new ActiveRulebase(engine.rulebase()), defaultEdition,
				defaultFormVersion);
	}

	public Assessor(Vocabulary vocabulary, DeprivationIndex deprivation, ProposalValidator validator,
			ActiveRulebase active, DeprivationEdition defaultEdition, String defaultFormVersion) {
		this.vocabulary = vocabulary;
		this.deprivation = deprivation;
		this.validator = validator;
		this.active = active;
		this.defaultEdition = defaultEdition;
		this.defaultFormVersion = defaultFormVersion;
		this.facts = new FactMapper(vocabulary);
	}

	public String rulebaseVersion() {
		return active.rulebase().version();
	}

	/** Validates and evaluates; throws {@code InvalidProposalException} naming every field at fault. */
	public Evaluation evaluate(ProposalDocument document) {
		return evaluate(document, defaultFormVersion);
	}

	public Evaluation evaluate(ProposalDocument document, String formVersion) {
		return evaluate(document, formVersion, active.engine());
	}

	/** Evaluates under a given engine: a replay under an archived rulebase, or a what-if under a candidate. */
	public Evaluation evaluate(ProposalDocument document, String formVersion, LensEngine engine) {
		Prepared prepared = prepare(document);
		LensOutcome outcome = engine.evaluate(prepared.facts());
		return new Evaluation(document, result(outcome, document, prepared.report(), formVersion), outcome.firings());
	}

	/** What the lens starts from: the facts, and where the Core20 share came from. */
	record Prepared(LensFacts facts, DeprivationReport report) {
	}

	/** Validates the document and works out its Core20 share and facts. */
	Prepared prepare(ProposalDocument document) {
		validator.validate(document);
		ProposalDocument.Population population = document.population();
		DeprivationEdition edition = population.deprivationEdition() == null ? defaultEdition
				: DeprivationEdition.valueOf(population.deprivationEdition());
		Optional<DeprivationProfile> profile = population.areas().isEmpty() ? Optional.empty()
				: Optional.of(deprivation.profile(population.areas(), edition));
		FactMapper.Core20 core20;
		DeprivationReport report;
		if (population.core20Share() != null) {
			core20 = FactMapper.Core20.given(population.core20Share(), population.affected());
			report = report(DeprivationReport.PROPOSAL, "people", core20.share(), profile,
					profile.isPresent() ? "The proposal's own core20Share was used; the areas named are reported for comparison."
							: null);
		}
		else if (profile.isPresent() && profile.get().core20Share() != null) {
			core20 = FactMapper.Core20.fromAreas(profile.get());
			report = report(DeprivationReport.AREAS, "areas", core20.share(), profile,
					"A share of the areas named, not of people: the deprivation data are by area.");
		}
		else {
			core20 = FactMapper.Core20.unknown();
			report = report(DeprivationReport.NONE, null, null, profile, profile.isPresent()
					? "None of the areas named is in " + edition.label() + ", so the Core20 share is not known."
					: "Neither core20Share nor areas were given, so the Core20 share is not known.");
		}
		return new Prepared(facts.facts(document, core20), report);
	}

	private DeprivationReport report(String source, String shareOf, Double share, Optional<DeprivationProfile> profile,
			String note) {
		if (profile.isEmpty()) {
			return new DeprivationReport(source, shareOf, share, null, null, null, null, null, null, null, null, note,
					null);
		}
		DeprivationProfile p = profile.get();
		return new DeprivationReport(source, shareOf, share, p.edition().name(), p.edition().label(), p.areasNamed(),
				p.areasMatched().size(), p.areasUnknown(), p.welshAreasNotPooled(), p.core20Areas(), p.core20Share(),
				note, p.attribution());
	}

	private AssessmentResult result(LensOutcome outcome, ProposalDocument document, DeprivationReport report,
			String formVersion) {
		Map<String, Integer> domainScores = new LinkedHashMap<>();
		Map<String, Integer> residualDomainScores = new LinkedHashMap<>();
		for (DomainScore score : outcome.domainScores().values()) {
			domainScores.put(score.domain(), score.inherent());
			residualDomainScores.put(score.domain(), score.residual());
		}
		List<AssessmentResult.FindingView> findings = outcome.findings()
			.stream()
			.map(f -> new AssessmentResult.FindingView(f.getRuleId(), f.getDomain(), f.getSeverity().name(),
					round(f.getPoints()), f.getExplanation(), f.getCohorts(), f.getBarriers()))
			.toList();
		List<AssessmentResult.BenefitView> benefits = outcome.benefits()
			.stream()
			.map(b -> new AssessmentResult.BenefitView(b.getRuleId(), b.getDomain(), round(b.getPoints()),
					b.getExplanation(), b.getCohorts()))
			.toList();
		return new AssessmentResult(outcome.rating(), outcome.residualRating(), outcome.score(),
				outcome.residualScore(), domainScores, residualDomainScores, outcome.equityBenefit(), findings,
				requiredMitigations(outcome, document), benefits, outcome.firedRules(), report,
				outcome.rulebaseVersion(), formVersion);
	}

	/** One entry per mitigation code, led by the most serious finding that requires it. */
	private List<AssessmentResult.RequiredMitigationView> requiredMitigations(LensOutcome outcome,
			ProposalDocument document) {
		Map<String, List<RequiredMitigation>> byCode = new LinkedHashMap<>();
		for (RequiredMitigation requirement : outcome.requirements()) {
			byCode.computeIfAbsent(requirement.code(), c -> new ArrayList<>()).add(requirement);
		}
		Map<String, String> statuses = new LinkedHashMap<>();
		for (MitigationAnswer answer : document.mitigations()) {
			statuses.put(answer.code(), answer.status());
		}
		List<String> reduced = outcome.reductions().stream().map(RiskReduction::requirement).map(RequiredMitigation::code).toList();
		List<AssessmentResult.RequiredMitigationView> views = new ArrayList<>();
		byCode.forEach((code, requirements) -> {
			RequiredMitigation lead = requirements.get(0);
			List<String> requiredBy = requirements.stream()
				.map(RequiredMitigation::finding)
				.map(Finding::getRuleId)
				.distinct()
				.toList();
			String label = vocabulary.mitigationLabel(code);
			views.add(new AssessmentResult.RequiredMitigationView(code, label, lead.ruleId(), lead.reason(),
					reduced.contains(code), statuses.get(code), requiredBy));
		});
		return views;
	}

	private static double round(double points) {
		return Math.round(points * 10) / 10.0;
	}

}
