package uk.nhs.equitylens.assessment;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredEvaluationRepository extends JpaRepository<StoredEvaluation, UUID> {

	/** Newest first. */
	List<StoredEvaluation> findByAssessmentIdOrderBySequenceDesc(UUID assessmentId);

	int countByAssessmentId(UUID assessmentId);

}
