package uk.nhs.equitylens.assessment;

import java.util.List;

import uk.nhs.equitylens.lens.RuleFiring;
import uk.nhs.equitylens.proposal.ProposalDocument;

/**
 * One evaluation: the document as evaluated, the result, and every rule firing with the facts it
 * matched (what the audit log keeps beside the result).
 */
public record Evaluation(ProposalDocument document, AssessmentResult result, List<RuleFiring> firings) {
}
