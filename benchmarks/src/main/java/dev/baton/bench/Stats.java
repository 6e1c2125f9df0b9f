package dev.baton.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median and spread of a scenario's rounds, or percentiles of one round's samples. */
record Stats(double median, double min, double max) {

  static Stats of(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return new Stats(percentile(sorted, 50), sorted.get(0), sorted.get(sorted.size() - 1));
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(List<Double> sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  String format() {
    return "%s (%s–%s)".formatted(number(median), number(min), number(max));
  }

  static String number(double value) {
    if (value >= 100) {
      return String.format("%,.0f", value);
    }
    return String.format("%.1f", value);
  }
}
