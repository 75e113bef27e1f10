package uk.nhs.equitylens.lens.fact;

/** Whether uptake and outcomes will be monitored, and split by deprivation and by ethnicity. */
public record Monitoring(boolean planned, boolean byDeprivation, boolean byEthnicity) {
}
