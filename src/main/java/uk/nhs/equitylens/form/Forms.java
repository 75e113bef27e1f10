package uk.nhs.equitylens.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import uk.nhs.equitylens.vocabulary.Term;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * The form definitions the application serves, by version, with their option lists resolved from
 * the vocabulary. One definition is current (new assessments use it); older versions stay readable
 * so that an assessment keeps the form it was answered under.
 */
public final class Forms {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Map<String, FormDefinition> byVersion;

	private final FormDefinition current;

	private final Vocabulary vocabulary;

	public Forms(Collection<FormDefinition> definitions, String currentVersion, Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
		Map<String, FormDefinition> versions = new LinkedHashMap<>();
		for (FormDefinition definition : definitions) {
			check(definition, vocabulary);
			if (versions.put(definition.version(), definition) != null) {
				throw new IllegalStateException("Two form definitions have version " + definition.version());
			}
		}
		this.byVersion = Map.copyOf(versions);
		this.current = Optional.ofNullable(versions.get(currentVersion))
			.orElseThrow(() -> new IllegalStateException(
					"No form definition has version " + currentVersion + "; found " + versions.keySet()));
	}

	/** Reads one definition (YAML); unknown keys are an error, so a misspelt key is never ignored. */
	public static FormDefinition read(InputStream in, String name) {
		try {
			return YAML.readValue(in, FormDefinition.class);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Form definition " + name + " cannot be read: " + ex.getMessage(), ex);
		}
		finally {
			try {
				in.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	public FormDefinition current() {
		return current;
	}

	/** The definition an assessment was answered under; the current one when that version is gone. */
	public FormDefinition version(String version) {
		return byVersion.getOrDefault(version, current);
	}

	/** The options a question offers: its own choices, or its vocabulary list (filtered by category). */
	public List<FormDefinition.Choice> options(FormDefinition.Question question) {
		if (question.options() == null) {
			return question.choices();
		}
		List<FormDefinition.Choice> choices = new ArrayList<>();
		for (Term term : list(question.options(), vocabulary)) {
			if (term.isRetired()) {
				continue;
			}
			if (question.category() != null && !question.category().equals(term.category())) {
				continue;
			}
			choices.add(new FormDefinition.Choice(term.code(), term.label(), null));
		}
		return choices;
	}

	private static Collection<Term> list(String name, Vocabulary vocabulary) {
		return switch (name) {
			case "cohorts" -> vocabulary.cohorts().values();
			case "barriers" -> vocabulary.barriers().values();
			case "clinicalAreas" -> vocabulary.clinicalAreas().values();
			case "proposalTypes" -> vocabulary.proposalTypes().values();
			case "boards" -> vocabulary.boards().values();
			case "mitigations" -> vocabulary.mitigations().values();
			case "accessChanges" -> vocabulary.accessChanges().values();
			case "ratings" -> vocabulary.ratings().values();
			default -> throw new IllegalStateException("Unknown option list '" + name
					+ "'; use cohorts, barriers, clinicalAreas, proposalTypes, boards, mitigations, accessChanges or ratings");
		};
	}

	private static void check(FormDefinition definition, Vocabulary vocabulary) {
		List<String> problems = new ArrayList<>();
		if (definition.version() == null || definition.version().isBlank()) {
			problems.add("it has no version");
		}
		Set<String> sections = new HashSet<>();
		for (FormDefinition.Section section : definition.sections()) {
			if (!sections.add(section.id())) {
				problems.add("section " + section.id() + " appears twice");
			}
			for (FormDefinition.Question question : section.questions()) {
				String where = "question " + question.id() + " (section " + section.id() + ")";
				if (question.type() == null) {
					problems.add(where + " has no type");
					continue;
				}
				boolean listed = switch (question.type()) {
					case RADIOS, CHECKBOXES, COHORT_IMPACTS, BARRIER_SEVERITIES -> true;
					default -> false;
				};
				if (listed && question.options() == null && question.choices().isEmpty()) {
					problems.add(where + " has neither options nor choices");
				}
				if (question.options() != null) {
					try {
						list(question.options(), vocabulary);
					}
					catch (IllegalStateException ex) {
						problems.add(where + ": " + ex.getMessage());
					}
				}
				if (question.hasNone() && question.type() != QuestionType.CHECKBOXES) {
					problems.add(where + " has a 'none' option, which only checkboxes can have");
				}
				if (question.showWhen() != null
						&& definition.questions().noneMatch(q -> q.id().equals(question.showWhen().question()))) {
					problems.add(where + " depends on " + question.showWhen().question() + ", which is not in the form");
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Form definition " + definition.version() + " is not valid: " + String.join("; ", problems));
		}
	}

}
