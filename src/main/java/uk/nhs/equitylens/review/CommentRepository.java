package uk.nhs.equitylens.review;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommentRepository extends JpaRepository<ReviewComment, UUID> {

	List<ReviewComment> findByAssessmentIdOrderByCreatedAtAsc(UUID assessmentId);

}
