package uk.nhs.equitylens.assessment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Writes one line to the operational log for each evaluation that has been stored (committed). */
@Component
class AssessmentLog {

	private static final Logger log = LoggerFactory.getLogger(AssessmentLog.class);

	@TransactionalEventListener
	void on(AssessmentEvaluated event) {
		log.info("Assessment {} evaluated ({} #{}, board {}): {} residual {} under {}", event.assessmentId(),
				event.reason(), event.sequence(), event.board(), event.rating(), event.residualRating(),
				event.rulebaseVersion());
	}

}
