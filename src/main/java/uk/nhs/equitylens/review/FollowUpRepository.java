package uk.nhs.equitylens.review;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUpRepository extends JpaRepository<FollowUp, UUID> {

	List<FollowUp> findByAssessmentIdOrderByRecordedAtDesc(UUID assessmentId);

}
