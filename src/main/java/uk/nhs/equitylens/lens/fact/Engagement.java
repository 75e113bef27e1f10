package uk.nhs.equitylens.lens.fact;

/** Whether the communities affected were engaged, and whether the change was co-produced with them. */
public record Engagement(boolean affectedCommunitiesEngaged, boolean coProduced) {
}
