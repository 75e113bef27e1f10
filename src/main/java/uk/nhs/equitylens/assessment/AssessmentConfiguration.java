package uk.nhs.equitylens.assessment;

import jakarta.validation.Validator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.nhs.equitylens.deprivation.DeprivationConfiguration.DeprivationProperties;
import uk.nhs.equitylens.deprivation.DeprivationIndex;
import uk.nhs.equitylens.lens.ActiveRulebase;
import uk.nhs.equitylens.proposal.ProposalValidator;
import uk.nhs.equitylens.vocabulary.Vocabulary;

@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

	@Bean
	java.time.Clock clock() {
		return java.time.Clock.systemUTC();
	}

	@Bean
	ProposalValidator proposalValidator(Vocabulary vocabulary, DeprivationIndex deprivation, Validator validator) {
		return new ProposalValidator(vocabulary, deprivation, validator);
	}

	@Bean
	Assessor assessor(Vocabulary vocabulary, DeprivationIndex deprivation, ProposalValidator validator,
			ActiveRulebase engine, DeprivationProperties deprivationProperties,
			@Value("${equitylens.form-version:hiia/2}") String formVersion) {
		return new Assessor(vocabulary, deprivation, validator, engine, deprivationProperties.edition(), formVersion);
	}

}
