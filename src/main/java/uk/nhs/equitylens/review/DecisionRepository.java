package uk.nhs.equitylens.review;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionRepository extends JpaRepository<Decision, UUID> {

	List<Decision> findByAssessmentIdOrderByDecidedAtDesc(UUID assessmentId);

	List<Decision> findByOverriddenTrueOrderByDecidedAtDesc();

}
