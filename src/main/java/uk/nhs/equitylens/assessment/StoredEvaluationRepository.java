package uk.nhs.equitylens.assessment;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StoredEvaluationRepository extends JpaRepository<StoredEvaluation, UUID> {

	/** Newest first. */
	List<StoredEvaluation> findByAssessmentIdOrderBySequenceDesc(UUID assessmentId);

	int countByAssessmentId(UUID assessmentId);

	/** The latest evaluation's ratings of each of the assessments, in one query without the JSON columns. */
	@Query("""
			select new uk.nhs.equitylens.assessment.LatestRating(e.assessmentId, e.rating, e.residualRating)
			from StoredEvaluation e
			where e.assessmentId in :ids
			  and e.sequence = (select max(l.sequence) from StoredEvaluation l where l.assessmentId = e.assessmentId)""")
	List<LatestRating> latestRatings(Collection<UUID> ids);

}
