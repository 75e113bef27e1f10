package uk.nhs.equitylens.cumulative;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import uk.nhs.equitylens.assessment.AssessmentResult.CumulativeContext;
import uk.nhs.equitylens.assessment.AssessmentStatus;
import uk.nhs.equitylens.assessment.CumulativeContexts;
import uk.nhs.equitylens.proposal.ProposalDocument;

/**
 * The cumulative pressure on a proposal (lens v2, property 10): the other assessments, of any
 * board, that are pending (SUBMITTED, not yet decided) or approved (APPROVED,
 * APPROVED_WITH_CONDITIONS), whose latest evaluation was made within the window, and whose document
 * as evaluated leaves worse off (NEGATIVE) at least one cohort that this proposal also leaves worse
 * off, in overlapping areas: an LSOA named by both, or LSOAs of the same local authority district
 * ({@link LsoaDistricts#overlap}). A proposal that names no areas, or no NEGATIVE cohort, has no
 * established overlap. Counted once when the evaluation is made and stored with it, so that a
 * later decision on the others never changes a stored result or its replay.
 */
@Service
@Transactional(readOnly = true)
class OverlappingProposals implements CumulativeContexts {

	private static final List<AssessmentStatus> COUNTED = List.of(AssessmentStatus.SUBMITTED,
			AssessmentStatus.APPROVED, AssessmentStatus.APPROVED_WITH_CONDITIONS);

	/** Each assessment's latest evaluation, oldest first, a page at a time; documents only when not yet read. */
	private static final String QUERY = """
			select a.id, a.title, a.board, a.status, e.id from Assessment a
			join StoredEvaluation e on e.assessmentId = a.id
			where a.status in :statuses and e.evaluatedAt >= :since
			  and e.sequence = (select max(l.sequence) from StoredEvaluation l where l.assessmentId = a.id)
			order by e.evaluatedAt asc, a.id asc
			""";

	private static final Logger log = LoggerFactory.getLogger(OverlappingProposals.class);

	private final EntityManager entityManager;

	private final JsonMapper json;

	private final Clock clock;

	private final boolean enabled;

	/**
	 * @param enabled {@code equitylens.cumulative-pressure.enabled}, true unless set: the shared test
	 * context turns it off, because its tests submit the same example again and again into one
	 * database and each result would then depend on how many tests ran before it
	 */
	OverlappingProposals(EntityManager entityManager, JsonMapper json, Clock clock,
			@Value("${equitylens.cumulative-pressure.enabled:true}") boolean enabled) {
		this.entityManager = entityManager;
		this.json = json;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Override
	public CumulativeContext contextFor(ProposalDocument document, UUID self, int windowMonths) {
		if (!enabled) {
			return CumulativeContext.NONE;
		}
		NegativeImpacts mine = NegativeImpacts.of(json.valueToTree(document));
		if (mine.none() || mine.areas().isEmpty()) {
			return CumulativeContext.NONE;
		}
		LsoaDistricts lsoas = LsoaDistricts.shared();
		Instant since = clock.instant().atZone(CumulativeImpactService.UK).minusMonths(windowMonths).toInstant();
		List<CumulativeContext.Other> others = new ArrayList<>();
		Set<String> shared = new LinkedHashSet<>();
		TypedQuery<Object[]> query = entityManager.createQuery(QUERY, Object[].class)
			.setParameter("statuses", COUNTED)
			.setParameter("since", since)
			.setMaxResults(CumulativeImpactService.PAGE_SIZE);
		for (int offset = 0;; offset += CumulativeImpactService.PAGE_SIZE) {
			List<Object[]> page = query.setFirstResult(offset).getResultList();
			for (Object[] row : page) {
				UUID id = (UUID) row[0];
				if (id.equals(self)) {
					continue;
				}
				NegativeImpacts theirs = impacts((UUID) row[4], id);
				List<String> cohorts = mine.cohorts().stream().filter(theirs.cohorts()::contains).toList();
				if (cohorts.isEmpty() || !lsoas.overlap(mine.areas(), theirs.areas())) {
					continue;
				}
				shared.addAll(cohorts);
				String board = (String) row[2];
				// another board's proposal is counted, never named: whoever reads this result (any board,
				// or an ambassador's dry run) may not see other boards' proposals
				boolean sameBoard = board.equals(document.board());
				others.add(new CumulativeContext.Other(sameBoard ? id.toString() : null,
						sameBoard ? (String) row[1] : null, board, ((AssessmentStatus) row[3]).name()));
			}
			if (page.size() < CumulativeImpactService.PAGE_SIZE) {
				break;
			}
		}
		if (others.isEmpty()) {
			return CumulativeContext.NONE;
		}
		// in this proposal's order, so that the same document and the same others give the same context
		List<String> cohorts = mine.cohorts().stream().filter(shared::contains).toList();
		return new CumulativeContext(others.size(), others, cohorts);
	}

	/**
	 * What an evaluation's document leaves worse off and where. A stored evaluation never changes, so
	 * each is read and parsed once and remembered (bounded): every evaluation looks through all the
	 * pending and approved others, and reading each document every time made that quadratic.
	 */
	private NegativeImpacts impacts(UUID evaluation, UUID assessment) {
		NegativeImpacts known = read.get(evaluation);
		if (known != null) {
			return known;
		}
		String document = entityManager
			.createQuery("select e.document from StoredEvaluation e where e.id = :id", String.class)
			.setParameter("id", evaluation)
			.getSingleResult();
		NegativeImpacts impacts = read(assessment, document);
		if (read.size() >= REMEMBERED) {
			read.clear();
		}
		read.put(evaluation, impacts);
		return impacts;
	}

	/** Evaluations' impacts already read, by evaluation id; cleared whole when full (a cache, never the truth). */
	private final java.util.Map<UUID, NegativeImpacts> read = new java.util.concurrent.ConcurrentHashMap<>();

	private static final int REMEMBERED = 50_000;

	private NegativeImpacts read(UUID id, String document) {
		try {
			return NegativeImpacts.of(json.readTree(document));
		}
		catch (JacksonException ex) {
			log.warn("Assessment {} has an evaluated document that is not JSON; not counted as cumulative pressure", id);
			return new NegativeImpacts(Set.of(), Set.of());
		}
	}

}
