package org.flowscore.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowscore.eval.CurvePoint;
import org.flowscore.eval.HtmlReport;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The detection benchmark as an HTML page: the table, each held-out capture's ROC curve, and the trade-off
 * curve (benign flows flagged against recall per attack type as the threshold moves, every fold's model on
 * its own held-out capture).
 */
public final class DetectionReport {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final String ROC = "roc.png";
    static final String TRADE_OFF = "trade-off.png";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    /** Shares below this are drawn at it: a log axis has no zero. */
    private static final double FLOOR = 1e-5;

    private DetectionReport() {
    }

    /** Writes {@code index.html} and its plots into {@code dir} (created); returns the page. */
    public static Path write(DetectionBenchmark.Results all, String protocol, Path dir) throws IOException {
        List<DetectionBenchmark.CaptureResult> results = all.folds();
        Files.createDirectories(dir);
        BitmapEncoder.saveBitmap(roc(results), dir.resolve(ROC).toString(), BitmapEncoder.BitmapFormat.PNG);
        BitmapEncoder.saveBitmap(tradeOff(results), dir.resolve(TRADE_OFF).toString(),
                BitmapEncoder.BitmapFormat.PNG);
        Path index = dir.resolve(HtmlReport.INDEX);
        Files.writeString(index, page(all, protocol), StandardCharsets.UTF_8);
        return index;
    }

    static String page(DetectionBenchmark.Results results, String protocol) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>flowscore detection"
                + " benchmark</title><style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}"
                + "pre{background:#f7fafc;padding:1em;overflow-x:auto}</style></head><body>\n");
        h.append("<h1>Detection benchmark</h1>\n<p>").append(HtmlReport.escape(protocol)).append("</p>\n");
        h.append("<pre>").append(HtmlReport.escape(DetectionTable.text(results))).append("</pre>\n");
        h.append("<h2>Trade-off</h2>\n<p>Each point is one threshold applied to every fold's model on its own held-out"
                + " capture: the share of benign flows flagged (pooled) against the share of each attack type's"
                + " flows caught.</p>\n<img src=\"").append(TRADE_OFF).append("\" alt=\"benign flagged share against"
                + " recall per attack type\">\n");
        h.append("<h2>ROC per held-out capture</h2>\n<img src=\"").append(ROC)
                .append("\" alt=\"ROC curve of each held-out capture with attacks\">\n</body></html>\n");
        return h.toString();
    }

    static XYChart roc(List<DetectionBenchmark.CaptureResult> results) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("ROC, each capture held out")
                .xAxisTitle("false-positive rate").yAxisTitle("true-positive rate").build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        for (DetectionBenchmark.CaptureResult r : results) {
            List<CurvePoint> curve = r.metrics().rocCurve();
            if (!curve.isEmpty()) {
                XYSeries s = chart.addSeries(shortName(r.capture()) + String.format(" (%.3f)", r.metrics().rocAuc()),
                        curve.stream().mapToDouble(CurvePoint::x).toArray(),
                        curve.stream().mapToDouble(CurvePoint::y).toArray());
                s.setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    static XYChart tradeOff(List<DetectionBenchmark.CaptureResult> results) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Benign flows flagged against attacks caught, thresholds 0.01 to 0.99")
                .xAxisTitle("benign flows flagged (pooled, log scale)").yAxisTitle("recall").build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        chart.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(FLOOR)
                .setXAxisMax(1.0);
        double[] x = new double[99];
        Map<String, double[]> recall = new TreeMap<>();
        for (int k = 1; k <= 99; k++) {
            double t = k / 100.0;
            long benign = 0;
            long flagged = 0;
            Map<String, long[]> counts = new TreeMap<>();
            for (DetectionBenchmark.CaptureResult r : results) {
                benign += r.benign();
                flagged += DetectionBenchmark.CaptureResult.flagged(r.benignScores(), t);
                add(counts, DetectionBenchmark.CaptureResult.recall(r.injectedScores(), t));
                add(counts, DetectionBenchmark.CaptureResult.recall(r.attackScores(), t));
            }
            x[k - 1] = Math.max(FLOOR, benign == 0 ? 0 : (double) flagged / benign);
            final int step = k - 1;
            counts.forEach((label, c) -> recall.computeIfAbsent(label, l -> new double[99])[step] = (double) c[1] / c[0]);
        }
        recall.forEach((label, y) -> chart.addSeries(label, x, y).setMarker(SeriesMarkers.NONE));
        chart.addSeries("1 % benign", new double[] {0.01, 0.01}, new double[] {0, 1})
                .setMarker(SeriesMarkers.NONE).setLineColor(new Color(0xa0aec0));
        return chart;
    }

    private static void add(Map<String, long[]> into, Map<String, long[]> counts) {
        counts.forEach((label, c) -> {
            long[] sum = into.computeIfAbsent(label, l -> new long[2]);
            sum[0] += c[0];
            sum[1] += c[1];
        });
    }

    private static String shortName(String capture) {
        String[] parts = capture.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : capture;
    }
}
