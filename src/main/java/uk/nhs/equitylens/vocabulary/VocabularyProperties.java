package uk.nhs.equitylens.vocabulary;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deployment settings for the vocabulary: {@code equitylens.boards} replaces the default programme
 * boards of {@code lens-vocabulary.yaml} (each with {@code code} and {@code label}).
 */
@ConfigurationProperties("equitylens")
public record VocabularyProperties(List<Board> boards) {

	public VocabularyProperties {
		boards = boards == null ? List.of() : List.copyOf(boards);
	}

	/** A programme board as configured. */
	public record Board(String code, String label) {
	}

}
