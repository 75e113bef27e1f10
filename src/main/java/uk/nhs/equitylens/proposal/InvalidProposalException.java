package uk.nhs.equitylens.proposal;

import java.util.List;

/** A proposal document that cannot be assessed, with every field at fault. */
public class InvalidProposalException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidProposalException(List<Violation> violations) {
		super("The proposal has " + violations.size() + " problem(s): " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}

}
