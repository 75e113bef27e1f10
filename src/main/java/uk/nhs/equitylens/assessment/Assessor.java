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
import uk.nhs.equitylens.assessment.AssessmentResult.CumulativeContext;
import uk.nhs.equitylens.lens.fact.Completeness;
import uk.nhs.equitylens.lens.fact.CumulativePressure;
import uk.nhs.equitylens.lens.fact.Finding;
import uk.nhs.equitylens.lens.fact.MitigationStatus;
import uk.nhs.equitylens.proposal.ProposalDocument;
import uk.nhs.equitylens.proposal.ProposalDocument.MitigationAnswer;
import uk.nhs.equitylens.proposal.ProposalValidator;
import uk.nhs.equitylens.proposal.Violation;
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

	private final uk.nhs.equitylens.proposal.Completeness completeness;

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
		this.completeness = new uk.nhs.equitylens.proposal.Completeness(vocabulary);
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
		return evaluate(document, formVersion, engine, CumulativeContext.NONE);
	}

	/**
	 * Evaluates under a given engine and cumulative context: the other proposals bearing on the same
	 * people, as counted when the evaluation was first made (a replay passes the stored context).
	 */
	public Evaluation evaluate(ProposalDocument document, String formVersion, LensEngine engine,
			CumulativeContext context) {
		Prepared prepared = prepare(document, context);
		LensOutcome outcome = engine.evaluate(prepared.facts());
		return new Evaluation(document,
				result(outcome, engine, document, prepared.report(), prepared.completeness(), context, formVersion),
				outcome.firings());
	}

	/** What the lens starts from: the facts, where the Core20 share came from, and what is missing. */
	record Prepared(LensFacts facts, DeprivationReport report, List<Violation> completeness) {
	}

	Prepared prepare(ProposalDocument document) {
		return prepare(document, CumulativeContext.NONE);
	}

	/** Validates the document and works out its Core20 share, completeness and facts. */
	Prepared prepare(ProposalDocument document, CumulativeContext context) {
		validator.validate(document);
		List<Violation> missing = completeness.check(document);
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
		Completeness whole = new Completeness(missing.isEmpty(), missing.stream().map(Violation::field).toList(),
				missing.stream().map(Violation::message).toList());
		CumulativePressure pressure = context.count() == 0 ? null
				: new CumulativePressure(context.count(),
						context.proposals().stream().map(this::named).toList(), context.cohorts());
		return new Prepared(facts.facts(document, core20, whole, pressure), report, missing);
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

	private AssessmentResult result(LensOutcome outcome, LensEngine engine, ProposalDocument document,
			DeprivationReport report,
			List<Violation> missing, CumulativeContext context, String formVersion) {
		Map<String, Integer> domainScores = new LinkedHashMap<>();
		Map<String, Integer> residualDomainScores = new LinkedHashMap<>();
		outcome.domainScores().forEach((domain, points) -> {
			domainScores.put(domain, (int) Math.round(points[0]));
			residualDomainScores.put(domain, (int) Math.round(points[1]));
		});
		Map<Finding, List<String>> remedies = new LinkedHashMap<>();
		for (LensOutcome.Requirement r : outcome.requirements()) {
			List<String> codes = remedies.computeIfAbsent(r.finding(), f -> new ArrayList<>());
			if (!codes.contains(r.code())) {
				codes.add(r.code());
			}
		}
		List<AssessmentResult.FindingView> findings = outcome.findings()
			.stream()
			.map(found -> {
				Finding f = found.finding();
				return new AssessmentResult.FindingView(found.ruleId(), f.domain(), f.kind(), f.severity().name(),
						round(f.points()), f.explanation(), f.cohorts(), f.barriers(),
						remedies.getOrDefault(f, List.of()));
			})
			.toList();
		List<AssessmentResult.BenefitView> benefits = outcome.benefits()
			.stream()
			.map(c -> new AssessmentResult.BenefitView(c.ruleId(), "benefit", round(c.benefit().points()),
					c.benefit().explanation(), c.benefit().cohorts()))
			.toList();
		List<String> gaps = outcome.findings().stream()
			.filter(f -> !f.finding().isHarm())
			.map(LensOutcome.Found::ruleId)
			.distinct()
			.toList();
		AssessmentResult.Assurance assurance = new AssessmentResult.Assurance(outcome.assurance(), missing.isEmpty(),
				missing.stream().map(Violation::field).toList(), gaps, outcome.assuranceScores());
		List<String> unmitigable = outcome.findings().stream()
			.filter(f -> f.finding().isHarm() && f.finding().points() > 0 && !remedies.containsKey(f.finding()))
			.map(LensOutcome.Found::ruleId)
			.distinct()
			.toList();
		// the credit of the rulebase that made this result: a replay or a what-if runs another
		double credit = engine.rulebase().policy().parameters().mitigationCredit();
		AssessmentResult.MitigationCredit mitigation = new AssessmentResult.MitigationCredit(
				Math.round(outcome.answeredShare() * 1000) / 1000.0, credit, unmitigable,
				creditSentence(outcome, credit, unmitigable));
		AssessmentResult.AssessorView assessorView = document.assessorView() == null
				|| document.assessorView().rating() == null || document.assessorView().rating().isBlank() ? null
						: new AssessmentResult.AssessorView(document.assessorView().rating(),
								document.assessorView().reason());
		return new AssessmentResult(outcome.rating(), outcome.residualRating(), outcome.score(),
				outcome.residualScore(), !missing.isEmpty(), domainScores, residualDomainScores,
				outcome.equityBenefit(), assurance, findings, requiredMitigations(outcome, document), mitigation,
				benefits, assessorView, context.count() == 0 ? null : context, outcome.firedRules(), report,
				outcome.rulebaseVersion(), formVersion);
	}

	/** An other proposal as the explanation names it: by title on the same board, by its board otherwise. */
	private String named(CumulativeContext.Other other) {
		if (other.title() != null) {
			return other.title();
		}
		var board = vocabulary.boards().get(other.board());
		return "a proposal of the " + (board == null ? other.board() : board.label()) + " board";
	}

	private static String creditSentence(LensOutcome outcome, double credit, List<String> unmitigable) {
		long percent = Math.round(outcome.answeredShare() * 100);
		String text = percent == 0 ? "No committed mitigation answers the harm found yet"
				: "Committed mitigations answer " + percent + "% of the harm found, and the residual score takes off "
						+ Math.round(credit * 100) + "% of what they answer";
		if (!unmitigable.isEmpty()) {
			text += "; no mitigation of this proposal answers " + String.join(", ", unmitigable);
		}
		return text + ".";
	}

	/** One entry per mitigation code, led by the most serious finding that requires it. */
	private List<AssessmentResult.RequiredMitigationView> requiredMitigations(LensOutcome outcome,
			ProposalDocument document) {
		Map<String, List<LensOutcome.Requirement>> byCode = new LinkedHashMap<>();
		for (LensOutcome.Requirement requirement : outcome.requirements()) {
			byCode.computeIfAbsent(requirement.code(), c -> new ArrayList<>()).add(requirement);
		}
		Map<String, String> statuses = new LinkedHashMap<>();
		for (MitigationAnswer answer : document.mitigations()) {
			statuses.put(answer.code(), answer.status());
		}
		List<AssessmentResult.RequiredMitigationView> views = new ArrayList<>();
		byCode.forEach((code, requirements) -> {
			LensOutcome.Requirement lead = requirements.get(0);
			List<String> requiredBy = requirements.stream().map(LensOutcome.Requirement::ruleId).distinct().toList();
			boolean assuranceOnly = requirements.stream().noneMatch(r -> r.finding().isHarm());
			String status = statuses.get(code);
			boolean satisfied = status != null && MitigationStatus.valueOf(status).counts();
			views.add(new AssessmentResult.RequiredMitigationView(code, vocabulary.mitigationLabel(code), lead.ruleId(),
					lead.reason(), satisfied, status, assuranceOnly, requiredBy));
		});
		return views;
	}

	private static double round(double points) {
		return Math.round(points * 10) / 10.0;
	}

}
