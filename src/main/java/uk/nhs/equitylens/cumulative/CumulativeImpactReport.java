package uk.nhs.equitylens.cumulative;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The cumulative impact of proposals on the people they touch: over a period (by submission date),
 * every approved or pending proposal of the boards in view that has a NEGATIVE impact on a cohort,
 * gathered per cohort, per local authority district and per LSOA, so that a board sees when several
 * changes land on the same people. Rows are ordered by the number of proposals, highest first; a
 * row exists only with at least one proposal. Proposals within a row are oldest submission first.
 *
 * @param from first day of the period (submission date, UK time), included
 * @param to last day of the period, included
 * @param board the board asked for, or {@code null} for every board in view
 * @param boards the boards the report covers: the one asked for, else every board the caller sees
 * @param proposals the number of distinct proposals counted (a NEGATIVE impact on at least one cohort)
 * @param highlightAt rows with this many proposals or more are {@code highlight}ed
 * @param cohorts per cohort, with the districts each cohort's proposals touch
 * @param districts per local authority district (2019), with its LSOAs and the cohorts hit there
 * @param areasWithoutDistrict LSOAs that could not be placed in a district (new 2021 codes, Welsh
 * codes), each with its proposals
 * @param districtSource how districts were found, to show with the district figures
 * @param attribution the Open Government Licence attribution of the district data
 */
public record CumulativeImpactReport(LocalDate from, LocalDate to, String board, List<String> boards, int proposals,
		int highlightAt, List<CohortRow> cohorts, List<DistrictRow> districts, List<AreaRow> areasWithoutDistrict,
		String districtSource, String attribution) {

	/** {@link Proposal#status()} of an approved proposal (APPROVED, APPROVED_WITH_CONDITIONS). */
	public static final String APPROVED = "approved";

	/** {@link Proposal#status()} of a proposal waiting for the board's decision (SUBMITTED, CHANGES_REQUESTED). */
	public static final String PENDING = "pending";

	/** Copies the lists. */
	public CumulativeImpactReport {
		boards = List.copyOf(boards);
		cohorts = List.copyOf(cohorts);
		districts = List.copyOf(districts);
		areasWithoutDistrict = List.copyOf(areasWithoutDistrict);
	}

	/**
	 * One proposal in a row.
	 *
	 * @param id the assessment
	 * @param title its title
	 * @param board its programme board code
	 * @param boardLabel the board's name
	 * @param status {@code approved} (APPROVED, APPROVED_WITH_CONDITIONS) or {@code pending}
	 * (SUBMITTED, CHANGES_REQUESTED)
	 * @param assessmentStatus the assessment's own status
	 * @param submitted the day it was (last) submitted, UK time
	 * @param cohorts the cohorts it has a NEGATIVE impact on, as given in the proposal
	 */
	public record Proposal(UUID id, String title, String board, String boardLabel, String status,
			String assessmentStatus, LocalDate submitted, List<String> cohorts) {

		/** Copies the list. */
		public Proposal {
			cohorts = List.copyOf(cohorts);
		}

	}

	/**
	 * Proposals with a NEGATIVE impact on one cohort.
	 *
	 * @param code the cohort's vocabulary code
	 * @param label its label
	 * @param count the number of proposals
	 * @param approved how many of them are approved
	 * @param pending how many are pending
	 * @param highlight whether {@code count} reaches the report's {@code highlightAt}
	 * @param proposals the proposals, oldest first
	 * @param districts the districts these proposals name areas in, each with the proposals there
	 */
	public record CohortRow(String code, String label, int count, int approved, int pending, boolean highlight,
			List<Proposal> proposals, List<DistrictCount> districts) {

		/** Copies the lists. */
		public CohortRow {
			proposals = List.copyOf(proposals);
			districts = List.copyOf(districts);
		}

	}

	/**
	 * The proposals hitting one cohort (or all cohorts) within one district.
	 *
	 * @param code the district's ONS code
	 * @param name its name
	 * @param count the number of proposals
	 * @param highlight whether {@code count} reaches the report's {@code highlightAt}
	 * @param proposals the proposals, oldest first
	 */
	public record DistrictCount(String code, String name, int count, boolean highlight, List<Proposal> proposals) {

		/** Copies the list. */
		public DistrictCount {
			proposals = List.copyOf(proposals);
		}

	}

	/**
	 * Proposals with a NEGATIVE impact on any cohort that name an area in one local authority district.
	 *
	 * @param code the district's ONS code (2019)
	 * @param name its name
	 * @param count the number of proposals
	 * @param approved how many are approved
	 * @param pending how many are pending
	 * @param highlight whether {@code count} reaches the report's {@code highlightAt}
	 * @param proposals the proposals, oldest first
	 * @param cohorts the cohorts these proposals hit, with how many proposals each, most first
	 * @param lsoas the district's LSOAs that the proposals name, each with its proposals
	 */
	public record DistrictRow(String code, String name, int count, int approved, int pending, boolean highlight,
			List<Proposal> proposals, List<CohortCount> cohorts, List<AreaRow> lsoas) {

		/** Copies the lists. */
		public DistrictRow {
			proposals = List.copyOf(proposals);
			cohorts = List.copyOf(cohorts);
			lsoas = List.copyOf(lsoas);
		}

	}

	/**
	 * How many of a district's proposals hit one cohort.
	 *
	 * @param code the cohort's code
	 * @param label its label
	 * @param count the number of proposals
	 * @param highlight whether {@code count} reaches the report's {@code highlightAt}
	 */
	public record CohortCount(String code, String label, int count, boolean highlight) {
	}

	/**
	 * Proposals with a NEGATIVE impact on any cohort that name one LSOA.
	 *
	 * @param code the LSOA code as named (trimmed, upper case)
	 * @param name its name in the IMD 2019 table, e.g. "Redditch 011D"; {@code null} when not there
	 * @param count the number of proposals
	 * @param highlight whether {@code count} reaches the report's {@code highlightAt}
	 * @param proposals the proposals, oldest first
	 */
	public record AreaRow(String code, String name, int count, boolean highlight, List<Proposal> proposals) {

		/** Copies the list. */
		public AreaRow {
			proposals = List.copyOf(proposals);
		}

	}

}
