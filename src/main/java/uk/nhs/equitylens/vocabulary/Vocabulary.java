package uk.nhs.equitylens.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The shared codes of the health-inequalities lens ({@code lens-vocabulary.yaml}): cohorts (with
 * their categories: core20, plus, inclusion_health, protected, age_group), barriers, clinical areas,
 * proposal types, access changes, assurance levels, ratings, the mitigation catalogue, programme
 * boards and decisions. Immutable; look-ups are by code.
 */
public final class Vocabulary {

	/** The classpath copy of {@code shared/spec/lens-vocabulary.yaml}, kept verbatim. */
	public static final String RESOURCE = "/vocabulary/lens-vocabulary.yaml";

	private final int version;

	private final Map<String, Term> cohorts;

	private final List<String> impactDirections;

	private final Map<String, Term> barriers;

	private final Map<String, Term> clinicalAreas;

	private final Map<String, Term> proposalTypes;

	private final Map<String, Term> accessChanges;

	private final Map<String, Term> assuranceLevels;

	private final Map<String, Term> ratings;

	private final Map<String, Term> mitigations;

	private final Map<String, Term> boards;

	private final List<String> boardDecisions;

	private Vocabulary(File file, List<Term> boards) {
		this.version = file.version();
		this.cohorts = byCode(file.cohorts());
		this.impactDirections = List.copyOf(file.impactDirections());
		this.barriers = byCode(file.accessBarriers());
		this.clinicalAreas = byCode(file.clinicalAreas());
		this.proposalTypes = byCode(file.proposalTypes());
		this.accessChanges = byCode(file.accessChanges());
		this.assuranceLevels = byCode(file.assuranceLevels());
		this.ratings = byCode(file.ratings());
		this.mitigations = byCode(file.mitigations());
		this.boards = byCode(boards.isEmpty() ? file.boards() : boards);
		this.boardDecisions = List.copyOf(file.boardDecisions());
	}

	/** The vocabulary shipped with the application, with its default boards. */
	public static Vocabulary load() {
		return load(List.of());
	}

	/**
	 * The vocabulary shipped with the application; {@code boards}, when not empty, replaces the
	 * default programme boards (a deployment configures its own).
	 */
	public static Vocabulary load(List<Term> boards) {
		try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("vocabulary resource " + RESOURCE + " is missing");
			}
			return new Vocabulary(YAMLMapper.builder().build().readValue(in, File.class), boards);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Term> byCode(List<Term> terms) {
		if (terms == null) {
			throw new IllegalStateException("vocabulary resource " + RESOURCE + " lacks a section it must have");
		}
		return terms.stream()
			.collect(Collectors.toMap(Term::code, Function.identity(), (a, b) -> {
				throw new IllegalStateException("vocabulary code " + a.code() + " appears twice");
			}, LinkedHashMap::new));
	}

	public int version() {
		return version;
	}

	public Map<String, Term> cohorts() {
		return cohorts;
	}

	public List<String> impactDirections() {
		return impactDirections;
	}

	public Map<String, Term> barriers() {
		return barriers;
	}

	public Map<String, Term> clinicalAreas() {
		return clinicalAreas;
	}

	public Map<String, Term> proposalTypes() {
		return proposalTypes;
	}

	/** How a proposal changes the ways into a service (version 2): CLOSES_A_ROUTE, ADDS_A_ROUTE, ... */
	public Map<String, Term> accessChanges() {
		return accessChanges;
	}

	/** How well founded an assessment is (version 2): STRONG, ADEQUATE, WEAK. */
	public Map<String, Term> assuranceLevels() {
		return assuranceLevels;
	}

	/** The cohorts of one category ({@code protected}, {@code age_group}, ...), in the vocabulary's order. */
	public List<Term> cohortsIn(String category) {
		return cohorts.values().stream().filter(t -> category.equals(t.category())).toList();
	}

	public Map<String, Term> ratings() {
		return ratings;
	}

	/** A rating's place from the lowest (0, LOW) up, as the vocabulary lists them; -1 for no rating code. */
	public int ratingRank(String code) {
		return List.copyOf(ratings.keySet()).indexOf(code);
	}

	public Map<String, Term> mitigations() {
		return mitigations;
	}

	public Map<String, Term> boards() {
		return boards;
	}

	public List<String> boardDecisions() {
		return boardDecisions;
	}

	/** A board's label, or its code when the deployment no longer lists it. */
	public String boardLabel(String code) {
		Term term = boards.get(code);
		return term == null ? code : term.label();
	}

	/** A catalogue mitigation's label, or its code when the catalogue has no such entry. */
	public String mitigationLabel(String code) {
		Term term = mitigations.get(code);
		return term == null ? code : term.label();
	}

	public Optional<Term> cohort(String code) {
		return Optional.ofNullable(cohorts.get(code));
	}

	public Optional<Term> mitigation(String code) {
		return Optional.ofNullable(mitigations.get(code));
	}

	/** The YAML file as written; keys follow the file's snake_case. */
	record File(int version, List<Term> cohorts,
			@JsonProperty("impact_directions") List<String> impactDirections,
			@JsonProperty("access_barriers") List<Term> accessBarriers,
			@JsonProperty("clinical_areas") List<Term> clinicalAreas,
			@JsonProperty("proposal_types") List<Term> proposalTypes,
			@JsonProperty("access_changes") List<Term> accessChanges,
			@JsonProperty("assurance_levels") List<Term> assuranceLevels, List<Term> ratings,
			List<Term> mitigations, List<Term> boards,
			@JsonProperty("board_decisions") List<String> boardDecisions) {
	}

}
