package org.flowscore.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The detection benchmark's results as a text table, per capture and pooled. */
public final class DetectionTable {
    /** The protocol in one paragraph, for the report. */
    public static final String PROTOCOL = "Leave one capture out: for each capture of the corpus a model is trained,"
            + " with the corpus recipe and its own cross-validated threshold, on every other capture (attacks"
            + " injected into them); it scores the held-out capture as it is (benign flows flagged, alerts per day"
            + " at the capture's rate, recall per attack label, ROC and PR AUC) and the same capture with attacks"
            + " injected from another seed (recall per injected attack type over traffic the model never saw).";

    private DetectionTable() {
    }

    /** The folds' table, then the baseline's when there is one. */
    public static String text(DetectionBenchmark.Results results) {
        StringBuilder sb = new StringBuilder(text(results.folds()));
        if (!results.baseline().isEmpty()) {
            sb.append("\nfor comparison, ").append(results.baselineName())
                    .append(" (trained on none of these captures) with its own threshold:\n")
                    .append(text(results.baseline()));
        }
        return sb.toString();
    }

    public static String text(List<DetectionBenchmark.CaptureResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-58s %9s %8s %9s %9s %7s %7s  %s%n", "held-out capture", "threshold", "benign",
                "flagged", "alerts/d", "ROC AUC", "PR AUC", "recall per attack label"));
        long benign = 0;
        long flagged = 0;
        Map<String, long[]> injected = new TreeMap<>();
        for (DetectionBenchmark.CaptureResult r : results) {
            var metrics = r.metrics();
            sb.append(String.format("%-58s %9.3f %,8d %9s %9.1f %7s %7s  %s%n", r.capture(), r.threshold(), r.benign(),
                    DetectionBenchmark.percent(r.benignFlaggedShare()), r.alertsPerDay(), three(metrics.rocAuc()),
                    three(metrics.prAuc()), recall(r.recall())));
            benign += r.benign();
            flagged += r.benignFlagged();
            r.injectedRecall().forEach((k, v) -> {
                long[] c = injected.computeIfAbsent(k, x -> new long[2]);
                c[0] += v[0];
                c[1] += v[1];
            });
        }
        sb.append(String.format("pooled: %,d of %,d benign flows flagged (%s)%n", flagged, benign,
                DetectionBenchmark.percent(benign == 0 ? Double.NaN : (double) flagged / benign)));
        sb.append("injected attacks, every capture held out in turn:\n");
        for (DetectionBenchmark.CaptureResult r : results) {
            sb.append(String.format("  %-56s %s%n", r.capture(), recall(r.injectedRecall())));
        }
        sb.append(String.format("  %-56s %s%n", "all", recall(injected)));
        return sb.toString();
    }

    private static String recall(Map<String, long[]> recall) {
        StringBuilder sb = new StringBuilder();
        recall.forEach((label, c) -> sb.append(sb.isEmpty() ? "" : ", ").append(label).append(' ')
                .append(String.format("%.3f", (double) c[1] / c[0])).append(" (").append(c[0]).append(')'));
        return sb.toString();
    }

    private static String three(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.3f", v);
    }
}
