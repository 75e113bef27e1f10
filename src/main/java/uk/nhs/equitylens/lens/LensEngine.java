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
import uk.nhs.equitylens.lens.fact.DomainScore;
import uk.nhs.equitylens.lens.fact.EquityBenefit;
import uk.nhs.equitylens.lens.fact.Finding;
import uk.nhs.equitylens.lens.fact.Rating;
import uk.nhs.equitylens.lens.fact.RequiredMitigation;
import uk.nhs.equitylens.lens.fact.RiskReduction;
import uk.nhs.equitylens.lens.fact.Score;

/**
 * Applies the lens: a session from the shared {@link Rulebase}'s pool for each evaluation, the layers
 * run in order (classify, assess, mitigate, rate), the firings recorded by a listener, and the
 * session always reset and returned. Thread-safe: the rulebase is shared and immutable, a session
 * serves one evaluation at a time.
 */
public final class LensEngine {

	/** Far above any real evaluation (about 100 firings); reaching it means rules loop. */
	static final int MAX_FIRINGS = 10_000;

	private static final Comparator<Finding> MOST_SERIOUS_FIRST = Comparator
		.comparing(Finding::getSeverity, Comparator.reverseOrder())
		.thenComparing(Finding::getPoints, Comparator.reverseOrder())
		.thenComparing(Finding::getRuleId)
		.thenComparing(Finding::getExplanation);

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
	<T> T run(LensFacts facts, BiFunction<KieSession, List<RuleFiring>, T> read) {
		KieSession session = rulebase.newSession();
		FiringRecorder recorder = new FiringRecorder(rulebase);
		try {
			session.addEventListener((AgendaEventListener) recorder);
			session.addEventListener((RuleRuntimeEventListener) recorder);
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
			return read.apply(session, recorder.firings());
		}
		finally {
			session.removeEventListener((AgendaEventListener) recorder);
			session.removeEventListener((RuleRuntimeEventListener) recorder);
			session.dispose();
		}
	}

	private LensOutcome outcome(KieSession session, List<RuleFiring> firings) {
		List<Finding> findings = objects(session, Finding.class).stream().sorted(MOST_SERIOUS_FIRST).toList();
		List<RequiredMitigation> requirements = objects(session, RequiredMitigation.class).stream()
			.sorted(Comparator.comparing(RequiredMitigation::finding, MOST_SERIOUS_FIRST)
				.thenComparing(RequiredMitigation::code))
			.toList();
		List<RiskReduction> reductions = objects(session, RiskReduction.class).stream()
			.sorted(Comparator.comparing((RiskReduction r) -> r.requirement().ruleId())
				.thenComparing(r -> r.requirement().code()))
			.toList();
		List<Benefit> benefits = objects(session, Benefit.class).stream()
			.sorted(Comparator.comparing(Benefit::getPoints, Comparator.reverseOrder())
				.thenComparing(Benefit::getRuleId)
				.thenComparing(Benefit::getExplanation))
			.toList();
		Map<String, DomainScore> byDomain = objects(session, DomainScore.class).stream()
			.collect(Collectors.toMap(DomainScore::domain, d -> d));
		Map<String, DomainScore> domainScores = new LinkedHashMap<>();
		Rulebase.DOMAINS.stream().filter(byDomain::containsKey).forEach(d -> domainScores.put(d, byDomain.get(d)));
		Score score = single(session, Score.class, "RAT-002 (score)");
		EquityBenefit benefit = single(session, EquityBenefit.class, "RAT-005 (equity benefit)");
		String rating = rating(session, Rating.INHERENT);
		String residualRating = rating(session, Rating.RESIDUAL);
		return new LensOutcome(rulebase.version(), rating, residualRating, score.inherent(), score.residual(),
				domainScores, benefit.value(), findings, requirements, reductions, benefits, firings);
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
