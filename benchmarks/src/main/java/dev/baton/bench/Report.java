package dev.baton.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table of both targets side by side, printed and written as Markdown. */
final class Report {

  private record Row(String scenario, String unit, boolean higherIsBetter, String target) {}

  private final Map<Row, Map<String, Stats>> rows = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  void add(
      String scenario,
      String unit,
      boolean higherIsBetter,
      String target,
      String targetName,
      Stats stats) {
    rows.computeIfAbsent(
            new Row(scenario, unit, higherIsBetter, target), r -> new LinkedHashMap<>())
        .put(targetName, stats);
    System.out.printf("  %-46s %-16s %s %s%n", scenario, targetName, stats.format(), unit);
  }

  void note(String note) {
    notes.add(note);
  }

  String markdown(String baseline, String baton) {
    StringBuilder out = new StringBuilder();
    out.append("| scenario | unit | ")
        .append(baseline)
        .append(" | ")
        .append(baton)
        .append(" | ratio | target |\n|---|---|---|---|---|---|\n");
    rows.forEach(
        (row, byTarget) -> {
          Stats base = byTarget.get(baseline);
          Stats ours = byTarget.get(baton);
          out.append("| ")
              .append(row.scenario())
              .append(" | ")
              .append(row.unit())
              .append(" | ")
              .append(base == null ? "—" : base.format())
              .append(" | ")
              .append(ours == null ? "—" : ours.format())
              .append(" | ")
              .append(ratio(row, base, ours))
              .append(" | ")
              .append(row.target())
              .append(" |\n");
        });
    for (String note : notes) {
      out.append("\n- ").append(note);
    }
    return out.append('\n').toString();
  }

  /**
   * How many times better Baton is: its rate over the baseline's, or the baseline's time over its.
   */
  private static String ratio(Row row, Stats base, Stats ours) {
    if (base == null || ours == null || base.median() == 0 || ours.median() == 0) {
      return "—";
    }
    double ratio =
        row.higherIsBetter() ? ours.median() / base.median() : base.median() / ours.median();
    return String.format("%.2f×", ratio);
  }

  void write(Path file, String header, String baseline, String baton) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, header + "\n" + markdown(baseline, baton));
  }
}
