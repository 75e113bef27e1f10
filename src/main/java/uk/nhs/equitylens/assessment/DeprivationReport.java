package uk.nhs.equitylens.assessment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the Core20 share the rules used came from, and what the deprivation data said about the
 * areas named.
 *
 * @param source {@code PROPOSAL} (the document gave {@code core20Share}, which wins), {@code AREAS}
 * (worked out from the areas named) or {@code NONE} (not known)
 * @param shareOf what the share is a share of: {@code people} (as given) or {@code areas} (areas
 * named, not people: the data are by area)
 * @param core20Share the share the rules used; {@code null} when not known
 * @param areasCore20Share the share of matched areas in deciles 1-2, also when the document's own
 * share won
 * @param attribution Open Government Licence attribution of the deprivation data, shown wherever
 * these figures are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeprivationReport(String source, String shareOf, Double core20Share, String edition,
		String editionLabel, Integer areasNamed, Integer areasMatched, List<String> areasUnknown,
		List<String> welshAreasNotPooled, Integer core20Areas, Double areasCore20Share, String note,
		String attribution) {

	public static final String PROPOSAL = "PROPOSAL";

	public static final String AREAS = "AREAS";

	public static final String NONE = "NONE";

}
