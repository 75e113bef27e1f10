package uk.nhs.equitylens.lens;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaGroup;

import uk.nhs.equitylens.lens.fact.Benefit;
import uk.nhs.equitylens.lens.fact.Derived.Assurance;
import uk.nhs.equitylens.lens.fact.Derived.AssuranceScore;
import uk.nhs.equitylens.lens.fact.Derived.DomainScore;
import uk.nhs.equitylens.lens.fact.Derived.EquityBenefit;
import uk.nhs.equitylens.lens.fact.Derived.Rating;
import uk.nhs.equitylens.lens.fact.Derived.Score;
import uk.nhs.equitylens.lens.fact.Finding;
import uk.nhs.equitylens.lens.fact.RequiredMitigation;
import uk.nhs.equitylens.lens.policy.PolicyLoader;

/**
 * Applies the lens: a session from the shared {@link Rulebase}'s pool for each evaluation, the layers
 * run in order (classify, assess, mitigate, rate), the firings recorded by a listener, and the
 * session always reset and returned. Thread-safe: the rulebase is shared and immutable, a session
 * serves one evaluation at a time.
 */
public final class LensEngine {

	/** Far above any real evaluation (about 100 firings); reaching it means rules loop. */
	static final int MAX_FIRINGS = 10_000;

	/** Harm before assurance, then the most severe, the most points, and a stable order after. */
	private static final Comparator<LensOutcome.Found> MOST_SERIOUS_FIRST = Comparator
		.comparing((LensOutcome.Found f) -> !f.finding().isHarm())
		.thenComparing(f -> f.finding().severity(), Comparator.reverseOrder())
		.thenComparing(f -> f.finding().points() + f.finding().penalty(), Comparator.reverseOrder())
		.thenComparing(LensOutcome.Found::ruleId)
		.thenComparing(f -> f.finding().subject())
		.thenComparing(f -> f.finding().explanation());

	private final Rulebase rulebase;

	public LensEngine(Rulebase rulebase) {
		this.rulebase = rulebase;
	}

	public Rulebase rulebase() {
		return rulebase;
	}

	public LensOutcome evaluate(LensFacts facts) {
		return run(facts, this::outcome);
	}

	/**
	 * One session from insertion to disposal: the facts inserted, the layers fired in order with the
	 * firings recorded, then {@code read} takes what it needs from the settled session.
	 */
	<T> T run(LensFacts facts, BiFunction<KieSession, FiringRecorder, T> read) {
		KieSession session = rulebase.newSession();
		FiringRecorder recorder = new FiringRecorder(rulebase);
		try {
			session.addEventListener((AgendaEventListener) recorder);
			session.addEventListener((RuleRuntimeEventListener) recorder);
			rulebase.policy().facts().forEach(session::insert);
			facts.all().forEach(session::insert);
			List<String> layers = Rulebase.LAYERS;
			for (int i = layers.size() - 1; i >= 0; i--) {
				// a layer in which the rulebase has no rule has no agenda group: nothing to focus
				AgendaGroup layer = session.getAgenda().getAgendaGroup(layers.get(i));
				if (layer != null) {
					layer.setFocus();
				}
			}
			int fired = session.fireAllRules(MAX_FIRINGS);
			if (fired >= MAX_FIRINGS) {
				throw new RulebaseException("The rules did not settle after " + MAX_FIRINGS
						+ " firings; a rule is re-triggering itself (last fired: "
						+ recorder.firings().get(recorder.firings().size() - 1).ruleId() + ").");
			}
			return read.apply(session, recorder);
		}
		finally {
			session.removeEventListener((AgendaEventListener) recorder);
			session.removeEventListener((RuleRuntimeEventListener) recorder);
			session.dispose();
		}
	}

	private LensOutcome outcome(KieSession session, FiringRecorder recorder) {
		List<LensOutcome.Found> findings = objects(session, Finding.class).stream()
			.map(f -> new LensOutcome.Found(recorder.insertedBy(f), f))
			.sorted(MOST_SERIOUS_FIRST)
			.toList();
		Map<Finding, String> ruleOf = findings.stream()
			.collect(Collectors.toMap(LensOutcome.Found::finding, LensOutcome.Found::ruleId, (a, b) -> a));
		List<LensOutcome.Requirement> requirements = objects(session, RequiredMitigation.class).stream()
			.map(r -> new LensOutcome.Requirement(ruleOf.get(r.finding()), r.finding(), r.code(), r.reason()))
			.sorted(Comparator.comparing((LensOutcome.Requirement r) -> new LensOutcome.Found(r.ruleId(), r.finding()),
					MOST_SERIOUS_FIRST)
				.thenComparing(LensOutcome.Requirement::code)
				.thenComparing(LensOutcome.Requirement::reason))
			.toList();
		List<LensOutcome.Credited> benefits = objects(session, Benefit.class).stream()
			.map(b -> new LensOutcome.Credited(recorder.insertedBy(b), b))
			.sorted(Comparator.comparing((LensOutcome.Credited c) -> c.benefit().points(), Comparator.reverseOrder())
				.thenComparing(LensOutcome.Credited::ruleId)
				.thenComparing(c -> c.benefit().subject()))
			.toList();
		Map<String, DomainScore> byDomain = objects(session, DomainScore.class).stream()
			.collect(Collectors.toMap(DomainScore::domain, d -> d));
		Map<String, double[]> domainScores = new LinkedHashMap<>();
		PolicyLoader.HARM_DOMAINS.stream()
			.filter(byDomain::containsKey)
			.forEach(d -> domainScores.put(d, new double[] { byDomain.get(d).points(), byDomain.get(d).residual() }));
		Map<String, AssuranceScore> assuranceByDomain = objects(session, AssuranceScore.class).stream()
			.collect(Collectors.toMap(AssuranceScore::domain, a -> a));
		Map<String, Integer> assuranceScores = new LinkedHashMap<>();
		PolicyLoader.ASSURANCE_DOMAINS.stream()
			.filter(assuranceByDomain::containsKey)
			.forEach(d -> assuranceScores.put(d, assuranceByDomain.get(d).score()));
		Score score = single(session, Score.class, "RAT-002 (score)");
		EquityBenefit benefit = single(session, EquityBenefit.class, "RAT-005 (equity benefit)");
		Assurance assurance = single(session, Assurance.class, "ASR-002 or ASR-003 (assurance level)");
		return new LensOutcome(rulebase.version(), rating(session, Rating.INHERENT), rating(session, Rating.RESIDUAL),
				score.inherent(), score.residual(), domainScores, score.answeredShare(), benefit.value(),
				assurance.level(), assuranceScores, findings, requirements, benefits, recorder.firings());
	}

	private static String rating(KieSession session, String basis) {
		List<String> codes = objects(session, Rating.class).stream()
			.filter(r -> basis.equals(r.basis()))
			.map(Rating::code)
			.toList();
		if (codes.size() != 1) {
			throw new RulebaseException("The rulebase gave " + codes.size() + " " + basis.toLowerCase()
					+ " ratings " + codes + "; the rating bands must cover 0..100 without overlapping.");
		}
		return codes.get(0);
	}

	private static <T> T single(KieSession session, Class<T> type, String expectedFrom) {
		Collection<T> found = objects(session, type);
		if (found.size() != 1) {
			throw new RulebaseException("The rulebase produced " + found.size() + " " + type.getSimpleName()
					+ " facts; exactly one is expected from " + expectedFrom + ".");
		}
		return found.iterator().next();
	}

	@SuppressWarnings("unchecked")
	private static <T> Collection<T> objects(KieSession session, Class<T> type) {
		return (Collection<T>) session.getObjects(new ClassObjectFilter(type));
	}

}
