package uk.nhs.equitylens.deprivation;

import java.util.List;
import java.util.Objects;

/**
 * What the deprivation data said about the areas a proposal names. Codes are reported trimmed and
 * upper-cased, each once, in the order first named.
 *
 * @param edition the English edition the areas were looked up in
 * @param areasNamed distinct codes named (the sum of the three lists' sizes)
 * @param areasMatched English codes found in the edition, in the order named, distinct
 * @param areasUnknown codes not found in the edition: known only in the other edition (LSOA
 * boundaries changed in 2021), not known at all, or not LSOA codes
 * @param welshAreasNotPooled W01 codes, whether or not the Welsh data holds them: Welsh WIMD ranks
 * are not comparable with English IMD ranks, so they are never pooled into the Core20 share
 * @param core20Areas matched areas in national deciles 1-2 of the edition
 * @param core20Share {@code core20Areas / areasMatched.size()}, 0..1; {@code null} when nothing
 * matched
 * @param attribution the Open Government Licence attribution to show next to any figure derived
 * from this profile
 */
public record DeprivationProfile(DeprivationEdition edition, int areasNamed, List<String> areasMatched,
		List<String> areasUnknown, List<String> welshAreasNotPooled, int core20Areas, Double core20Share,
		String attribution) {

	/** Checks the arguments and keeps unmodifiable copies of the lists. */
	public DeprivationProfile {
		Objects.requireNonNull(edition, "edition");
		areasMatched = List.copyOf(areasMatched);
		areasUnknown = List.copyOf(areasUnknown);
		welshAreasNotPooled = List.copyOf(welshAreasNotPooled);
		Objects.requireNonNull(attribution, "attribution");
		if (core20Areas < 0 || core20Areas > areasMatched.size()) {
			throw new IllegalArgumentException(
					"core20Areas " + core20Areas + " is not between 0 and " + areasMatched.size() + " areas matched");
		}
	}

}
