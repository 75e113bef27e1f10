package uk.nhs.equitylens.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import uk.nhs.equitylens.deprivation.DeprivationProfile;
import uk.nhs.equitylens.lens.LensFacts;
import uk.nhs.equitylens.lens.fact.AccessChange;
import uk.nhs.equitylens.lens.fact.Answer;
import uk.nhs.equitylens.lens.fact.Completeness;
import uk.nhs.equitylens.lens.fact.CumulativePressure;
import uk.nhs.equitylens.lens.fact.Barrier;
import uk.nhs.equitylens.lens.fact.ClinicalArea;
import uk.nhs.equitylens.lens.fact.Cohort;
import uk.nhs.equitylens.lens.fact.Engagement;
import uk.nhs.equitylens.lens.fact.Evidence;
import uk.nhs.equitylens.lens.fact.Impact;
import uk.nhs.equitylens.lens.fact.Mitigation;
import uk.nhs.equitylens.lens.fact.MitigationStatus;
import uk.nhs.equitylens.lens.fact.Monitoring;
import uk.nhs.equitylens.lens.fact.Phrases;
import uk.nhs.equitylens.lens.fact.Proposal;
import uk.nhs.equitylens.lens.fact.Severity;
import uk.nhs.equitylens.proposal.ProposalDocument;
import uk.nhs.equitylens.vocabulary.Term;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * Turns a valid proposal document into the facts the rules read. A section the document leaves out
 * (evidence, engagement, monitoring) reads as "not done": the lens never assumes good practice.
 */
final class FactMapper {

	private final Vocabulary vocabulary;

	FactMapper(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	LensFacts facts(ProposalDocument document, Core20 core20, Completeness completeness, CumulativePressure pressure) {
		Proposal proposal = new Proposal(document.title(), document.proposalType(),
				vocabulary.proposalTypes().get(document.proposalType()).label(), document.population().affected(),
				core20.share(), core20.statement(), document.population().areas().size(),
				document.accessChangesGiven());
		List<AccessChange> accessChanges = document.accessChangesGiven()
				? document.accessChanges().stream().distinct().map(code -> new AccessChange(code, code, false)).toList()
				: List.of();
		List<Cohort> cohorts = document.cohorts().stream().map(c -> {
			Term term = vocabulary.cohorts().get(c.code());
			return new Cohort(c.code(), term.label(), term.category(), Impact.valueOf(c.impact()),
					c.evidence() != null && !c.evidence().isBlank());
		}).toList();
		List<Barrier> barriers = document.barriers()
			.stream()
			.map(b -> new Barrier(b.code(), vocabulary.barriers().get(b.code()).label(), Severity.valueOf(b.severity())))
			.toList();
		List<ClinicalArea> areas = document.clinicalAreas().stream().map(code -> {
			Term term = vocabulary.clinicalAreas().get(code);
			return new ClinicalArea(code, term.label(), term.population());
		}).toList();
		ProposalDocument.EvidenceAnswer evidence = document.evidence();
		ProposalDocument.EngagementAnswer engagement = document.engagement();
		ProposalDocument.MonitoringAnswer monitoring = document.monitoring();
		List<Mitigation> mitigations = document.mitigations()
			.stream()
			.map(m -> new Mitigation(m.code(), MitigationStatus.valueOf(m.status())))
			.toList();
		return new LensFacts(proposal, cohorts, barriers, areas, accessChanges,
				new Evidence(evidence != null && yes(evidence.dataDisaggregated()),
						evidence != null && evidence.sources() != null && !evidence.sources().isBlank()),
				new Engagement(engagement != null && yes(engagement.affectedCommunitiesEngaged()),
						engagement != null && yes(engagement.coProduced())),
				new Monitoring(monitoring != null && yes(monitoring.planned()),
						monitoring != null && yes(monitoring.byDeprivation()),
						monitoring != null && yes(monitoring.byEthnicity())),
				mitigations, answers(document.more()), completeness, pressure);
	}

	/** Keys the proposal document does not define, flattened to dotted question ids, one fact per value. */
	static List<Answer> answers(Map<String, Object> more) {
		List<Answer> answers = new ArrayList<>();
		more.forEach((key, value) -> flatten(key, value, answers));
		return answers;
	}

	private static void flatten(String question, Object value, List<Answer> answers) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, nested) -> flatten(question + "." + key, nested, answers));
		}
		else if (value instanceof Collection<?> list) {
			list.forEach(item -> flatten(question, item, answers));
		}
		else if (value instanceof Number number) {
			answers.add(new Answer(question, number.toString(), number.doubleValue()));
		}
		else if (value != null) {
			answers.add(new Answer(question, value.toString(), null));
		}
	}

	private static boolean yes(Boolean answer) {
		return Boolean.TRUE.equals(answer);
	}

	/** The Core20 share the rules use, with the sentence that says what it is a share of. */
	record Core20(Double share, String statement) {

		static Core20 given(double share, long affected) {
			return new Core20(share, Phrases.percent(share) + " of the " + Phrases.number(affected)
					+ " people affected live in the most deprived 20% of areas");
		}

		static Core20 fromAreas(DeprivationProfile profile) {
			int matched = profile.areasMatched().size();
			String edition = profile.edition().shortLabel();
			if (matched == 1) {
				return new Core20(profile.core20Share(), "the one English area matched (" + profile.areasMatched().get(0)
						+ ") is" + (profile.core20Areas() == 1 ? "" : " not")
						+ " among the most deprived 20% in England (" + edition + ")");
			}
			return new Core20(profile.core20Share(), profile.core20Areas() + " of the " + matched
					+ " English areas matched (" + Phrases.percent(profile.core20Share())
					+ ") are among the most deprived 20% in England (" + edition + ")");
		}

		static Core20 unknown() {
			return new Core20(null, null);
		}

	}

}
