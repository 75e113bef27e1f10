package uk.nhs.equitylens.proposal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

import uk.nhs.equitylens.deprivation.DeprivationEdition;
import uk.nhs.equitylens.lens.fact.Impact;
import uk.nhs.equitylens.lens.fact.MitigationStatus;
import uk.nhs.equitylens.lens.fact.Severity;
import uk.nhs.equitylens.proposal.ProposalDocument.AssessorView;
import uk.nhs.equitylens.proposal.ProposalDocument.BarrierAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.CohortAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.EngagementAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.EvidenceAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.MitigationAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.MonitoringAnswer;
import uk.nhs.equitylens.proposal.ProposalDocument.Population;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * jqwik generators of valid proposal documents: every code from the shipped vocabulary, every area
 * a real LSOA from the shipped deprivation data, every length and range inside the limits that
 * {@link ProposalValidator} and the form enforce. Boards are the demo ambassador's, so the same
 * documents can be stored over the API. Evidence, engagement and monitoring are always answered,
 * because the form requires them before a stored assessment can be submitted.
 */
public final class Proposals {

	/** The boards the demo ambassador may create assessments for. */
	public static final List<String> AMBASSADOR_BOARDS = List.of("PLANNED_CARE", "DIGITAL");

	private static final Vocabulary VOCABULARY = Vocabulary.load();

	private static final List<String> AREAS = areas();

	private Proposals() {
	}

	public static Vocabulary vocabulary() {
		return VOCABULARY;
	}

	/** Real LSOA codes: English (IoD 2025 and IMD 2019 tables) and Welsh. */
	public static List<String> knownAreas() {
		return AREAS;
	}

	public static Arbitrary<ProposalDocument> valid() {
		return Builders.withBuilder(Draft::new)
			.use(text(200)).in((d, v) -> { d.title = v; return d; })
			.use(Arbitraries.of(AMBASSADOR_BOARDS)).in((d, v) -> { d.board = v; return d; })
			.use(Arbitraries.of(List.copyOf(VOCABULARY.proposalTypes().keySet()))).in((d, v) -> { d.type = v; return d; })
			.use(text(5000)).in((d, v) -> { d.summary = v; return d; })
			.use(population()).in((d, v) -> { d.population = v; return d; })
			.use(cohorts()).in((d, v) -> { d.cohorts = v; return d; })
			.use(barriers()).in((d, v) -> { d.barriers = v; return d; })
			.use(clinicalAreas()).in((d, v) -> { d.clinicalAreas = v; return d; })
			.use(accessChanges()).in((d, v) -> { d.accessChanges = v; return d; })
			.use(evidence()).in((d, v) -> { d.evidence = v; return d; })
			.use(engagement()).in((d, v) -> { d.engagement = v; return d; })
			.use(monitoring()).in((d, v) -> { d.monitoring = v; return d; })
			.use(mitigations()).in((d, v) -> { d.mitigations = v; return d; })
			.use(assessorView()).in((d, v) -> { d.assessorView = v; return d; })
			.build(Draft::document);
	}

	/**
	 * Valid documents that are also complete for submission ({@link Completeness}): CORE20 and the
	 * nine protected characteristics answered, and every answer other than UNKNOWN with evidence.
	 */
	public static Arbitrary<ProposalDocument> complete() {
		return Combinators.combine(valid(), requiredCohorts()).as((document, required) -> {
			List<CohortAnswer> cohorts = new ArrayList<>(required);
			for (CohortAnswer answer : document.cohorts()) {
				if (cohorts.stream().noneMatch(c -> c.code().equals(answer.code()))) {
					cohorts.add(answer.impact().equals("UNKNOWN") || answer.evidence() != null ? answer
							: new CohortAnswer(answer.code(), answer.impact(), "Service data by group"));
				}
			}
			return new ProposalDocument(document.title(), document.board(), document.proposalType(),
					document.summary(), document.population(), cohorts, document.barriers(), document.clinicalAreas(),
					document.accessChanges(), document.evidence(), document.engagement(), document.monitoring(),
					document.mitigations(), document.assessorView(), document.more());
		});
	}

	/** An answer with evidence (UNKNOWN may go without) for CORE20 and each protected characteristic. */
	static Arbitrary<List<CohortAnswer>> requiredCohorts() {
		List<String> codes = new ArrayList<>();
		codes.add("CORE20");
		VOCABULARY.cohortsIn("protected").forEach(t -> codes.add(t.code()));
		Arbitrary<CohortAnswer> any = Arbitraries.of(Impact.class).map(Enum::name).flatMap(impact -> text(4000)
			.injectNull(impact.equals("UNKNOWN") ? 0.5 : 0.0)
			.map(evidence -> new CohortAnswer("?", impact, evidence)));
		return any.list().ofSize(codes.size()).map(answers -> {
			List<CohortAnswer> named = new ArrayList<>();
			for (int i = 0; i < codes.size(); i++) {
				named.add(new CohortAnswer(codes.get(i), answers.get(i).impact(), answers.get(i).evidence()));
			}
			return named;
		});
	}

	/** Absent (inferred from the proposal type), empty (no way in changes), or some of the codes. */
	public static Arbitrary<List<String>> accessChanges() {
		return Arbitraries.of(List.copyOf(VOCABULARY.accessChanges().keySet()))
			.list()
			.ofMaxSize(3)
			.uniqueElements()
			.injectNull(0.3);
	}

	/** No view, or a rating with its reason. */
	public static Arbitrary<AssessorView> assessorView() {
		return Combinators.combine(Arbitraries.of(List.copyOf(VOCABULARY.ratings().keySet())), text(2000))
			.as(AssessorView::new)
			.injectNull(0.5);
	}

	public static Arbitrary<Population> population() {
		Arbitrary<Long> affected = Arbitraries.oneOf(Arbitraries.longs().between(0, 100_000_000L),
				Arbitraries.longs().between(0, 60_000));
		Arbitrary<Double> share = Arbitraries.doubles().between(0.0, 1.0).ofScale(3).injectNull(0.3);
		Arbitrary<List<String>> areas = Arbitraries.of(AREAS).list().ofMaxSize(6);
		Arbitrary<String> edition = Arbitraries.of(DeprivationEdition.IOD2025.name(), DeprivationEdition.IMD2019.name())
			.injectNull(0.6);
		return Combinators.combine(affected, share, areas, edition).as(Population::new);
	}

	public static Arbitrary<List<CohortAnswer>> cohorts() {
		Arbitrary<CohortAnswer> cohort = Combinators.combine(Arbitraries.of(List.copyOf(VOCABULARY.cohorts().keySet())),
				Arbitraries.of(Impact.class).map(Enum::name), text(4000).injectNull(0.4))
			.as(CohortAnswer::new);
		return cohort.list().ofMaxSize(8).uniqueElements(CohortAnswer::code);
	}

	public static Arbitrary<List<BarrierAnswer>> barriers() {
		Arbitrary<BarrierAnswer> barrier = Combinators.combine(
				Arbitraries.of(List.copyOf(VOCABULARY.barriers().keySet())), Arbitraries.of(Severity.class).map(Enum::name),
				text(2000).injectNull(0.5))
			.as(BarrierAnswer::new);
		return barrier.list().ofMaxSize(5).uniqueElements(BarrierAnswer::code);
	}

	public static Arbitrary<List<String>> clinicalAreas() {
		return Arbitraries.of(List.copyOf(VOCABULARY.clinicalAreas().keySet())).list().ofMaxSize(3).uniqueElements();
	}

	public static Arbitrary<List<MitigationAnswer>> mitigations() {
		return mitigation().list().ofMaxSize(6).uniqueElements(MitigationAnswer::code);
	}

	/** A mitigation response; one COMMITTED or DONE always names its owner and due date. */
	public static Arbitrary<MitigationAnswer> mitigation() {
		return Arbitraries.of(MitigationStatus.class).map(Enum::name).flatMap(status -> {
			double absent = status.equals("PROPOSED") ? 0.3 : 0.0;
			return Combinators.combine(Arbitraries.of(List.copyOf(VOCABULARY.mitigations().keySet())),
					Arbitraries.just(status), text(200).injectNull(absent), dates().injectNull(absent),
					text(2000).injectNull(0.5))
				.as(MitigationAnswer::new);
		});
	}

	static Arbitrary<EvidenceAnswer> evidence() {
		return Combinators.combine(Arbitraries.of(true, false), text(5000).injectNull(0.3)).as(EvidenceAnswer::new);
	}

	static Arbitrary<EngagementAnswer> engagement() {
		return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), text(5000).injectNull(0.4))
			.as(EngagementAnswer::new);
	}

	static Arbitrary<MonitoringAnswer> monitoring() {
		return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
			.as(MonitoringAnswer::new);
	}

	static Arbitrary<LocalDate> dates() {
		return Arbitraries.integers().between(0, 3650).map(days -> LocalDate.of(2025, 1, 1).plusDays(days));
	}

	/**
	 * Free text up to {@code max} characters, never blank: letters, digits, punctuation, accents,
	 * quotes, backslashes and line breaks, the things that break naive JSON or HTML handling.
	 */
	public static Arbitrary<String> text(int max) {
		Arbitrary<String> body = Arbitraries.strings()
			.withCharRange(' ', '~')
			.withChars('é', 'ñ', '£', '€', '—', '’', 'ł', 'ß', '\n', '\t', '\u00a0')
			.ofMinLength(1)
			.ofMaxLength(max);
		return body.filter(s -> !s.isBlank());
	}

	private static List<String> areas() {
		List<String> codes = new ArrayList<>();
		codes.addAll(column("/deprivation/iod2025-england-lsoa21.csv", 300));
		codes.addAll(column("/deprivation/imd2019-england-lsoa11.csv", 500));
		codes.addAll(column("/deprivation/wimd2019-wales-lsoa11.csv", 100));
		return List.copyOf(codes);
	}

	/** Every {@code step}-th area code of a shipped table: a spread across England or Wales. */
	private static List<String> column(String resource, int step) {
		List<String> codes = new ArrayList<>();
		try (InputStream in = Proposals.class.getResourceAsStream(resource);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.readLine();
			int row = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (row++ % step == 0) {
					codes.add(line.substring(0, line.indexOf(',')));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return codes;
	}

	private static final class Draft {

		String title;

		String board;

		String type;

		String summary;

		Population population;

		List<CohortAnswer> cohorts;

		List<BarrierAnswer> barriers;

		List<String> clinicalAreas;

		List<String> accessChanges;

		EvidenceAnswer evidence;

		EngagementAnswer engagement;

		MonitoringAnswer monitoring;

		List<MitigationAnswer> mitigations;

		AssessorView assessorView;

		ProposalDocument document() {
			return new ProposalDocument(title, board, type, summary, population, cohorts, barriers, clinicalAreas,
					accessChanges, evidence, engagement, monitoring, mitigations, assessorView, Map.of());
		}

	}

}
