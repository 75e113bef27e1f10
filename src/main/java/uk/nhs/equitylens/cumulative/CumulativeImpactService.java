package uk.nhs.equitylens.cumulative;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.nhs.equitylens.assessment.AssessmentStatus;
import uk.nhs.equitylens.cumulative.CumulativeImpactReport.AreaRow;
import uk.nhs.equitylens.cumulative.CumulativeImpactReport.CohortCount;
import uk.nhs.equitylens.cumulative.CumulativeImpactReport.CohortRow;
import uk.nhs.equitylens.cumulative.CumulativeImpactReport.DistrictCount;
import uk.nhs.equitylens.cumulative.CumulativeImpactReport.DistrictRow;
import uk.nhs.equitylens.cumulative.CumulativeImpactReport.Proposal;
import uk.nhs.equitylens.deprivation.DeprivationEdition;
import uk.nhs.equitylens.deprivation.DeprivationIndex;
import uk.nhs.equitylens.people.CurrentUser;
import uk.nhs.equitylens.people.LensUser;
import uk.nhs.equitylens.people.Role;
import uk.nhs.equitylens.proposal.Violation;
import uk.nhs.equitylens.vocabulary.Term;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * Works out the cumulative impact report from the stored assessments: those approved (APPROVED,
 * APPROVED_WITH_CONDITIONS) or pending (SUBMITTED, CHANGES_REQUESTED) that were submitted in the
 * period, read a page at a time as plain columns (never whole entities), and each one's answers
 * parsed for the cohorts it has a NEGATIVE impact on and the LSOAs it names. Proposals with no
 * NEGATIVE impact are left out; drafts and rejected proposals never count.
 * <p>
 * Who sees what follows the read rule: governance every board, ambassadors and board members their
 * own boards; anyone else (an administrator) is refused.
 */
@Service
@Transactional(readOnly = true)
public class CumulativeImpactService {

	/** Rows with this many proposals or more are highlighted: "this is the third change to hit...". */
	public static final int HIGHLIGHT_AT = 3;

	/** The period when none is given: the twelve months up to today. */
	public static final int DEFAULT_MONTHS = 12;

	/** Days are UK days: an assessment submitted at 00:30 BST on 1 April counts on 1 April. */
	static final ZoneId UK = ZoneId.of("Europe/London");

	/** Assessments read per query. */
	static final int PAGE_SIZE = 200;

	static final String DISTRICT_SOURCE = "Districts are the local authority districts (2019) named in the English"
			+ " Indices of Deprivation 2019 table. The IoD 2025 table has no districts, so a 2021 LSOA code is placed"
			+ " in a district only when the same code is in the 2019 table (ONS kept the codes of LSOAs whose"
			+ " boundaries did not change in 2021). New 2021 codes and Welsh codes are listed without a district.";

	private static final List<AssessmentStatus> COUNTED = List.of(AssessmentStatus.APPROVED,
			AssessmentStatus.APPROVED_WITH_CONDITIONS, AssessmentStatus.SUBMITTED, AssessmentStatus.CHANGES_REQUESTED);

	private static final String QUERY = """
			select a.id, a.title, a.board, a.status, a.submittedAt, a.answers from Assessment a
			where a.status in :statuses and a.submittedAt >= :start and a.submittedAt < :end
			  and (:allBoards = true or a.board in :boards)
			order by a.submittedAt asc, a.id asc
			""";

	private static final Logger log = LoggerFactory.getLogger(CumulativeImpactService.class);

	private final EntityManager entityManager;

	private final JsonMapper json;

	private final Vocabulary vocabulary;

	private final DeprivationIndex deprivation;

	private final Clock clock;

	CumulativeImpactService(EntityManager entityManager, JsonMapper json, Vocabulary vocabulary,
			DeprivationIndex deprivation, Clock clock) {
		this.entityManager = entityManager;
		this.json = json;
		this.vocabulary = vocabulary;
		this.deprivation = deprivation;
		this.clock = clock;
	}

	/**
	 * The programme boards the current user may report on, in the vocabulary's order: every board
	 * for governance, else their own.
	 *
	 * @throws AccessDeniedException for a role that does not read assessments (an administrator)
	 */
	public List<Term> boardsInView() {
		LensUser user = reader();
		return vocabulary.boards()
			.values()
			.stream()
			.filter(board -> user.has(Role.GOVERNANCE) || user.boards().contains(board.code()))
			.toList();
	}

	/**
	 * The report for a period and, optionally, one board.
	 *
	 * @param from first submission day counted (UK time); {@code null}: twelve months before {@code to}
	 * @param to last submission day counted; {@code null}: today
	 * @param board a programme board code, or {@code null} (or blank) for every board in view
	 * @throws AccessDeniedException for a role that does not read assessments, or a board the user
	 * is not part of
	 * @throws InvalidReportRequestException for a period that ends before it starts, or an unknown board
	 */
	public CumulativeImpactReport report(LocalDate from, LocalDate to, String board) {
		LensUser user = reader();
		String chosen = board == null || board.isBlank() ? null : board.strip();
		LocalDate last = to != null ? to : LocalDate.now(clock.withZone(UK));
		LocalDate first = from != null ? from : last.minusMonths(DEFAULT_MONTHS);
		List<Violation> problems = new ArrayList<>();
		if (first.isAfter(last)) {
			problems.add(new Violation(from != null ? "from" : "to", "the period must start on or before the day it ends"));
		}
		if (chosen != null && !vocabulary.boards().containsKey(chosen)) {
			problems.add(new Violation("board", "'" + chosen + "' is not a known programme board code; expected one of "
					+ String.join(", ", vocabulary.boards().keySet())));
		}
		if (!problems.isEmpty()) {
			throw new InvalidReportRequestException(problems);
		}
		boolean governance = user.has(Role.GOVERNANCE);
		if (chosen != null && !governance && !user.boards().contains(chosen)) {
			throw new AccessDeniedException("You are not part of the programme board " + chosen + ".");
		}
		Collection<String> boards = chosen != null ? List.of(chosen)
				: governance ? vocabulary.boards().keySet() : new TreeSet<>(user.boards());
		boolean allBoards = chosen == null && governance;

		Tally tally = new Tally(LsoaDistricts.shared());
		TypedQuery<Object[]> query = entityManager.createQuery(QUERY, Object[].class)
			.setParameter("statuses", COUNTED)
			.setParameter("start", first.atStartOfDay(UK).toInstant())
			.setParameter("end", last.plusDays(1).atStartOfDay(UK).toInstant())
			.setParameter("allBoards", allBoards)
			.setParameter("boards", boards.isEmpty() ? List.of("-") : boards)
			.setMaxResults(PAGE_SIZE);
		for (int offset = 0;; offset += PAGE_SIZE) {
			List<Object[]> page = query.setFirstResult(offset).getResultList();
			page.forEach(row -> read(row).ifPresent(tally::add));
			if (page.size() < PAGE_SIZE) {
				break;
			}
		}
		return tally.report(first, last, chosen, List.copyOf(boards));
	}

	private static LensUser reader() {
		LensUser user = CurrentUser.get();
		if (!user.has(Role.AMBASSADOR) && !user.has(Role.BOARD_MEMBER) && !user.has(Role.GOVERNANCE)) {
			throw new AccessDeniedException("Your role does not read assessments.");
		}
		return user;
	}

	/** One assessment's columns to a proposal with its NEGATIVE cohorts and areas; empty if it has none. */
	private Optional<Read> read(Object[] row) {
		UUID id = (UUID) row[0];
		String board = (String) row[2];
		AssessmentStatus status = (AssessmentStatus) row[3];
		JsonNode answers;
		try {
			answers = json.readTree((String) row[5]);
		}
		catch (JacksonException ex) {
			log.warn("Assessment {} has answers that are not JSON; left out of the cumulative impact report", id);
			return Optional.empty();
		}
		NegativeImpacts impacts = NegativeImpacts.of(answers);
		if (impacts.none()) {
			return Optional.empty();
		}
		Term boardTerm = vocabulary.boards().get(board);
		Proposal proposal = new Proposal(id, (String) row[1], board, boardTerm == null ? board : boardTerm.label(),
				status.isApproval() ? CumulativeImpactReport.APPROVED : CumulativeImpactReport.PENDING, status.name(),
				LocalDate.ofInstant((Instant) row[4], UK), List.copyOf(impacts.cohorts()));
		return Optional.of(new Read(proposal, impacts.areas()));
	}

	private String cohortLabel(String code) {
		return vocabulary.cohort(code).map(Term::label).orElse(code);
	}

	private static boolean highlight(int count) {
		return count >= HIGHLIGHT_AT;
	}

	private static int approved(List<Proposal> proposals) {
		return (int) proposals.stream().filter(p -> CumulativeImpactReport.APPROVED.equals(p.status())).count();
	}

	/** A proposal counted, and the LSOA codes it names (normalised, distinct). */
	private record Read(Proposal proposal, Set<String> areas) {
	}

	/** Gathers the proposals, in the order read (oldest submission first), by cohort and by area. */
	private final class Tally {

		private final LsoaDistricts lsoas;

		private final Map<String, List<Proposal>> byCohort = new LinkedHashMap<>();

		private final Map<String, Map<String, List<Proposal>>> byCohortDistrict = new LinkedHashMap<>();

		private final Map<String, LsoaDistricts.District> districts = new LinkedHashMap<>();

		private final Map<String, List<Proposal>> byDistrict = new LinkedHashMap<>();

		private final Map<String, Map<String, List<Proposal>>> byDistrictLsoa = new LinkedHashMap<>();

		private final Map<String, String> lsoaNames = new LinkedHashMap<>();

		private final Map<String, List<Proposal>> withoutDistrict = new LinkedHashMap<>();

		private final Set<UUID> counted = new HashSet<>();

		Tally(LsoaDistricts lsoas) {
			this.lsoas = lsoas;
		}

		void add(Read read) {
			Proposal proposal = read.proposal();
			if (!counted.add(proposal.id())) {
				return;
			}
			Map<String, List<String>> lsoasByDistrict = new LinkedHashMap<>();
			for (String code : read.areas()) {
				Optional<LsoaDistricts.Area> area = lsoas.find(code);
				if (area.isEmpty()) {
					withoutDistrict.computeIfAbsent(code, c -> new ArrayList<>()).add(proposal);
					continue;
				}
				LsoaDistricts.District district = area.get().district();
				districts.putIfAbsent(district.code(), district);
				lsoaNames.putIfAbsent(code, area.get().name());
				lsoasByDistrict.computeIfAbsent(district.code(), d -> new ArrayList<>()).add(code);
			}
			for (String cohort : proposal.cohorts()) {
				byCohort.computeIfAbsent(cohort, c -> new ArrayList<>()).add(proposal);
				Map<String, List<Proposal>> cohortDistricts = byCohortDistrict.computeIfAbsent(cohort,
						c -> new LinkedHashMap<>());
				lsoasByDistrict.keySet()
					.forEach(district -> cohortDistricts.computeIfAbsent(district, d -> new ArrayList<>()).add(proposal));
			}
			lsoasByDistrict.forEach((district, codes) -> {
				byDistrict.computeIfAbsent(district, d -> new ArrayList<>()).add(proposal);
				Map<String, List<Proposal>> districtLsoas = byDistrictLsoa.computeIfAbsent(district,
						d -> new LinkedHashMap<>());
				codes.forEach(code -> districtLsoas.computeIfAbsent(code, c -> new ArrayList<>()).add(proposal));
			});
		}

		CumulativeImpactReport report(LocalDate from, LocalDate to, String board, List<String> boards) {
			List<CohortRow> cohortRows = new ArrayList<>();
			byCohort.forEach((code, proposals) -> {
				List<DistrictCount> where = new ArrayList<>();
				byCohortDistrict.getOrDefault(code, Map.of()).forEach((district, there) -> where.add(new DistrictCount(
						district, districts.get(district).name(), there.size(), highlight(there.size()), there)));
				where.sort(Comparator.comparingInt(DistrictCount::count).reversed().thenComparing(DistrictCount::name));
				int approved = approved(proposals);
				cohortRows.add(new CohortRow(code, cohortLabel(code), proposals.size(), approved,
						proposals.size() - approved, highlight(proposals.size()), proposals, where));
			});
			cohortRows.sort(Comparator.comparingInt(CohortRow::count).reversed().thenComparing(CohortRow::label));

			List<DistrictRow> districtRows = new ArrayList<>();
			byDistrict.forEach((code, proposals) -> {
				Map<String, Integer> hits = new LinkedHashMap<>();
				proposals.forEach(p -> p.cohorts().forEach(cohort -> hits.merge(cohort, 1, Integer::sum)));
				List<CohortCount> cohorts = new ArrayList<>();
				hits.forEach((cohort, count) -> cohorts.add(new CohortCount(cohort, cohortLabel(cohort), count,
						highlight(count))));
				cohorts.sort(Comparator.comparingInt(CohortCount::count).reversed().thenComparing(CohortCount::label));
				List<AreaRow> areas = new ArrayList<>();
				byDistrictLsoa.get(code).forEach((lsoa, there) -> areas.add(new AreaRow(lsoa, lsoaNames.get(lsoa),
						there.size(), highlight(there.size()), there)));
				areas.sort(Comparator.comparingInt(AreaRow::count).reversed().thenComparing(AreaRow::code));
				int approved = approved(proposals);
				districtRows.add(new DistrictRow(code, districts.get(code).name(), proposals.size(), approved,
						proposals.size() - approved, highlight(proposals.size()), proposals, cohorts, areas));
			});
			districtRows.sort(Comparator.comparingInt(DistrictRow::count).reversed().thenComparing(DistrictRow::name));

			List<AreaRow> unplaced = new ArrayList<>();
			withoutDistrict.forEach((code, proposals) -> unplaced.add(new AreaRow(code, null, proposals.size(),
					highlight(proposals.size()), proposals)));
			unplaced.sort(Comparator.comparingInt(AreaRow::count).reversed().thenComparing(AreaRow::code));

			return new CumulativeImpactReport(from, to, board, boards, counted.size(), HIGHLIGHT_AT, cohortRows,
					districtRows, unplaced, DISTRICT_SOURCE, deprivation.attribution(DeprivationEdition.IMD2019));
		}
	}

}
