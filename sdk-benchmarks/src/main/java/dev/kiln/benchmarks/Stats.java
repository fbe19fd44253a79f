package dev.kiln.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Percentiles and the "median [min-max]" ratio summaries the benchmark tables print. */
final class Stats {
  private Stats() {}

  /** Nearest-rank percentile ({@code p} in 0..100) of unsorted values; 0 for none. */
  static double percentile(long[] values, double p) {
    if (values.length == 0) {
      return 0;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double percentile(List<Long> values, double p) {
    return percentile(values.stream().mapToLong(Long::longValue).toArray(), p);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** {@code 1.04 [0.97-1.12]}: median of the per-round ratios, then their range. */
  static String ratioSummary(double[] ratios) {
    if (ratios.length == 0) {
      return "-";
    }
    double min = Arrays.stream(ratios).min().getAsDouble();
    double max = Arrays.stream(ratios).max().getAsDouble();
    return String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", median(ratios), min, max);
  }
}
