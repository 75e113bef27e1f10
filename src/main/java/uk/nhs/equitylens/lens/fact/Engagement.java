package uk.nhs.equitylens.lens.fact;

/** Whether the communities affected were engaged, and whether the change was co-produced with them. */
public record Engagement(boolean affectedCommunitiesEngaged, boolean coProduced) {

	/** The record's own text, written out: JDK 17 formats a record with String.format on every call. */
	@Override
	public String toString() {
		return "Engagement[affectedCommunitiesEngaged=" + affectedCommunitiesEngaged
				+ ", coProduced=" + coProduced + "]";
	}

}
