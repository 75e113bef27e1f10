package uk.nhs.equitylens.assessment;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssessmentRepository extends JpaRepository<Assessment, UUID> {

	/** Assessments of the given boards (all boards when {@code allBoards}), by board and status if given. */
	@Query("""
			select a from Assessment a
			where (:allBoards = true or a.board in :boards)
			  and (:board is null or a.board = :board) and (:status is null or a.status = :status)
			""")
	Page<Assessment> search(@Param("allBoards") boolean allBoards, @Param("boards") Collection<String> boards,
			@Param("board") String board, @Param("status") AssessmentStatus status, Pageable pageable);

	/** Submitted assessments of these boards, oldest submission first: the board's queue. */
	List<Assessment> findByBoardInAndStatusOrderBySubmittedAtAsc(Collection<String> boards, AssessmentStatus status);

	/** Approved assessments of these boards whose follow-up review is still open. */
	@Query("""
			select a from Assessment a
			where a.board in :boards and a.status in :approvals and a.reviewClosedAt is null
			order by a.reviewDue asc
			""")
	List<Assessment> openReviews(@Param("boards") Collection<String> boards,
			@Param("approvals") Collection<AssessmentStatus> approvals);

}
