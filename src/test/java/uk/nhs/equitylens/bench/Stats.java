package uk.nhs.equitylens.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians and spreads for the table. */
final class Stats {

	private Stats() {
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	static double min(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}

	static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	/** "median (min–max, n runs)" with the given number format, e.g. "%.0f". */
	static String spread(List<Double> values, String format, String unit) {
		String median = String.format(Locale.ROOT, format, median(values)) + (unit.isEmpty() ? "" : " " + unit);
		if (values.size() == 1) {
			return median;
		}
		return median + " (" + String.format(Locale.ROOT, format, min(values)) + "–"
				+ String.format(Locale.ROOT, format, max(values)) + ", " + values.size() + " runs)";
	}

	static String format(String format, Object... values) {
		return String.format(Locale.ROOT, format, values);
	}

	static List<Double> of(double... values) {
		return Arrays.stream(values).boxed().toList();
	}

}
