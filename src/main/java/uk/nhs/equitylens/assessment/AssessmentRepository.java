package uk.nhs.equitylens.assessment;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssessmentRepository extends JpaRepository<Assessment, UUID> {

	@Query("""
			select a from Assessment a
			where (:board is null or a.board = :board) and (:status is null or a.status = :status)
			""")
	Page<Assessment> search(@Param("board") String board, @Param("status") AssessmentStatus status, Pageable pageable);

}
