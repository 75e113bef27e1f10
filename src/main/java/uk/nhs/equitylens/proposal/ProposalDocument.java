package uk.nhs.equitylens.proposal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The proposal document ({@code shared/spec/proposal.md}): one proposal as an ambassador answered
 * the form. Its keys are the contract between the form, the API, the rules and storage. Codes are
 * kept as text here and checked against the vocabulary by {@link ProposalValidator}, so that an
 * unknown code is reported by field rather than as unreadable JSON. Keys the spec does not define
 * (questions added to a form) are kept in {@link #more()}, written back as they came, and reach the
 * rules as {@code Answer} facts.
 * <p>
 * {@code accessChanges} (version 2) is the one list where absent and empty differ: absent
 * ({@code null}) means not said, so the rules infer the change from the proposal type; empty means
 * no way into the service changes. Both are kept as they came, through JSON and storage.
 * {@code assessorView} is the ambassador's own rating with its reason, stored with every evaluation
 * so that the board sees it beside the lens's rating.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProposalDocument(
		@NotBlank(message = "is required") @Size(max = 200) String title,
		@NotBlank(message = "is required") String board,
		@NotBlank(message = "is required") String proposalType,
		@NotBlank(message = "is required") @Size(max = 5000) String summary,
		@NotNull(message = "is required") @Valid Population population,
		@Size(max = 60) List<@NotNull @Valid CohortAnswer> cohorts,
		@Size(max = 30) List<@NotNull @Valid BarrierAnswer> barriers,
		@Size(max = 20) List<@NotNull String> clinicalAreas,
		@Size(max = 20) List<@NotNull String> accessChanges,
		@Valid EvidenceAnswer evidence,
		@Valid EngagementAnswer engagement,
		@Valid MonitoringAnswer monitoring,
		@Size(max = 40) List<@NotNull @Valid MitigationAnswer> mitigations,
		@Valid AssessorView assessorView,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> more) {

	public ProposalDocument {
		cohorts = cohorts == null ? List.of() : cohorts;
		barriers = barriers == null ? List.of() : barriers;
		clinicalAreas = clinicalAreas == null ? List.of() : clinicalAreas;
		// null stays null: "not said" (inferred from the proposal type) is not "nothing changes"
		accessChanges = accessChanges == null ? null : Collections.unmodifiableList(new ArrayList<>(accessChanges));
		mitigations = mitigations == null ? List.of() : mitigations;
		more = more == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(more));
	}

	/**
	 * Whether the document says how the ways into the service change: {@code accessChanges} is
	 * present, possibly empty (no way in changes). When not, the rules infer it from the proposal type.
	 */
	public boolean accessChangesGiven() {
		return accessChanges != null;
	}

	/** The same document with other mitigations (the ambassador's responses). */
	public ProposalDocument withMitigations(List<MitigationAnswer> newMitigations) {
		return new ProposalDocument(title, board, proposalType, summary, population, cohorts, barriers, clinicalAreas,
				accessChanges, evidence, engagement, monitoring, newMitigations, assessorView, more);
	}

	/**
	 * @param affected people affected
	 * @param core20Share fraction 0..1 of them living in national IMD deciles 1-2
	 * @param areas ONS LSOA codes of the places the change touches
	 * @param deprivationEdition IOD2025 (default) or IMD2019: which deprivation data the areas are
	 * read against
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Population(
			@NotNull(message = "is required") @Min(0) @Max(100_000_000) Long affected,
			@DecimalMin("0.0") @DecimalMax("1.0") Double core20Share,
			@Size(max = 500) List<@NotNull String> areas,
			String deprivationEdition) {

		public Population {
			areas = areas == null ? List.of() : areas;
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CohortAnswer(@NotBlank(message = "is required") String code, @NotBlank(message = "is required") String impact, @Size(max = 4000) String evidence) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record BarrierAnswer(@NotBlank(message = "is required") String code, @NotBlank(message = "is required") String severity, @Size(max = 2000) String note) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record EvidenceAnswer(Boolean dataDisaggregated, @Size(max = 5000) String sources) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record EngagementAnswer(Boolean affectedCommunitiesEngaged, Boolean coProduced,
			@Size(max = 5000) String summary) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record MonitoringAnswer(Boolean planned, Boolean byDeprivation, Boolean byEthnicity) {
	}

	/**
	 * The ambassador's own view of the risk, beside the lens's rating.
	 *
	 * @param rating a {@code ratings} code (LOW, MODERATE, HIGH, SEVERE)
	 * @param reason why; required when a rating is given
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AssessorView(String rating, @Size(max = 2000) String reason) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record MitigationAnswer(@NotBlank(message = "is required") String code, @NotBlank(message = "is required") String status, @Size(max = 200) String owner,
			LocalDate due, @Size(max = 2000) String note) {
	}

}
