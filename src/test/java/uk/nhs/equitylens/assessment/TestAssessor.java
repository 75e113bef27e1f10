package uk.nhs.equitylens.assessment;

import jakarta.validation.Validation;

import uk.nhs.equitylens.deprivation.DeprivationEdition;
import uk.nhs.equitylens.deprivation.DeprivationIndex;
import uk.nhs.equitylens.lens.LensFacts;
import uk.nhs.equitylens.lens.TestRulebase;
import uk.nhs.equitylens.proposal.ProposalDocument;
import uk.nhs.equitylens.proposal.ProposalValidator;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/** An {@link Assessor} over the project's rulebase and data, without Spring. */
public final class TestAssessor {

	private static Assessor assessor;

	private TestAssessor() {
	}

	public static synchronized Assessor get() {
		if (assessor == null) {
			Vocabulary vocabulary = Vocabulary.load();
			DeprivationIndex deprivation = DeprivationIndex.load();
			ProposalValidator validator = new ProposalValidator(vocabulary, deprivation,
					Validation.buildDefaultValidatorFactory().getValidator());
			assessor = new Assessor(vocabulary, deprivation, validator, TestRulebase.engine(),
					DeprivationEdition.DEFAULT, "hiia/1");
		}
		return assessor;
	}

	/** The facts the lens starts from for a valid document, as the assessor makes them. */
	public static LensFacts facts(ProposalDocument document) {
		return get().prepare(document).facts();
	}

}
