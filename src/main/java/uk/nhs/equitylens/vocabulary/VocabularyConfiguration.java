package uk.nhs.equitylens.vocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VocabularyConfiguration {

	@Bean
	Vocabulary vocabulary(VocabularyProperties properties) {
		return Vocabulary.load(properties.boards().stream().map(b -> Term.of(b.code(), b.label())).toList());
	}

}
