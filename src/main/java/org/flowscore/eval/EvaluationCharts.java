package org.flowscore.eval;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG plots of an evaluation, drawn with XChart. */
final class EvaluationCharts {
    static {
        // Before any AWT class loads: a sensor or CI machine has no display, and the plots need none.
        System.setProperty("java.awt.headless", "true");
    }

    static final String ROC = "roc.png";
    static final String PR = "pr.png";
    static final String CONFUSION = "confusion.png";
    static final String HISTOGRAM = "score-histogram.png";
    static final String IMPORTANCE = "feature-importance.png";

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    static final int HISTOGRAM_BINS = 20;
    static final int TOP_FEATURES = 15;

    private static final Color NORMAL = new Color(0x2b6cb0);
    private static final Color ATTACK = new Color(0xc53030);
    private static final Color REFERENCE = new Color(0xa0aec0);

    private EvaluationCharts() {
    }

    /** Writes the five plots into {@code dir}, which must exist. */
    static void writeAll(Evaluation e, Path dir) throws IOException {
        save(roc(e.metrics()), dir.resolve(ROC));
        save(precisionRecall(e.metrics()), dir.resolve(PR));
        save(confusion(e.metrics().confusion()), dir.resolve(CONFUSION));
        save(histogram(e.histogram(HISTOGRAM_BINS), e.threshold()), dir.resolve(HISTOGRAM));
        save(importance(e.importance().subList(0, Math.min(TOP_FEATURES, e.importance().size()))),
                dir.resolve(IMPORTANCE));
    }

    static XYChart roc(Metrics m) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("ROC curve, AUC " + ReportFormat.ratio(m.rocAuc()))
                .xAxisTitle("false-positive rate").yAxisTitle("true-positive rate").build();
        unitSquare(chart, LegendPosition.InsideSE);
        line(chart, "chance", new double[] {0, 1}, new double[] {0, 1}, REFERENCE).setLineStyle(SeriesLines.DASH_DASH);
        if (!m.rocCurve().isEmpty()) {
            line(chart, "model", xs(m.rocCurve()), ys(m.rocCurve()), ATTACK);
        }
        return chart;
    }

    static XYChart precisionRecall(Metrics m) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Precision-recall curve, average precision " + ReportFormat.ratio(m.prAuc()))
                .xAxisTitle("recall").yAxisTitle("precision").build();
        unitSquare(chart, LegendPosition.InsideSW);
        // The precision of flagging everything: what a model without skill gets at any recall.
        Confusion c = m.confusion();
        double base = c.total() == 0 ? 0 : (double) c.attacks() / c.total();
        line(chart, "attack share " + ReportFormat.ratio(base), new double[] {0, 1}, new double[] {base, base},
                REFERENCE).setLineStyle(SeriesLines.DASH_DASH);
        if (!m.prCurve().isEmpty()) {
            line(chart, "model", xs(m.prCurve()), ys(m.prCurve()), ATTACK);
        }
        return chart;
    }

    static HeatMapChart confusion(Confusion c) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Confusion matrix (rows)").xAxisTitle("predicted").yAxisTitle("actual").build();
        HeatMapStyler style = chart.getStyler();
        style.setShowValue(true);
        style.setHeatMapValueDecimalPattern("#,##0");
        style.setValueFontColor(Color.BLACK);
        style.setRangeColors(new Color[] {new Color(0xf7fafc), new Color(0x90cdf4)});
        style.setMin(0);
        style.setMax(Math.max(1, Math.max(Math.max(c.tn(), c.fp()), Math.max(c.fn(), c.tp()))));
        style.setLegendVisible(false);
        // Heat-map rows are drawn from the bottom up: "attack" first puts actual normal on top.
        List<Number[]> cells = List.of(
                new Number[] {0, 1, c.tn()}, new Number[] {1, 1, c.fp()},
                new Number[] {0, 0, c.fn()}, new Number[] {1, 0, c.tp()});
        chart.addSeries("rows", List.of("normal", "attack"), List.of("attack", "normal"), cells);
        return chart;
    }

    static CategoryChart histogram(ScoreHistogram h, double threshold) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Scores by class (threshold " + ReportFormat.threshold(threshold) + ")")
                .xAxisTitle("score bin (lower edge)").yAxisTitle("% of the class's rows").build();
        CategoryStyler style = chart.getStyler();
        style.setLegendPosition(LegendPosition.InsideN);
        style.setAvailableSpaceFill(0.9);
        style.setXAxisLabelRotation(90);
        style.setYAxisMin(0.0);
        style.setSeriesColors(new Color[] {NORMAL, ATTACK});
        List<String> edges = new ArrayList<>();
        List<Double> normal = new ArrayList<>();
        List<Double> attack = new ArrayList<>();
        long normals = h.normals();
        long attacks = h.attacks();
        for (ScoreHistogram.Bin b : h.bins()) {
            edges.add(String.format(Locale.ROOT, "%.2f", b.low()));
            normal.add(percent(b.normal(), normals));
            attack.add(percent(b.attack(), attacks));
        }
        chart.addSeries("normal (" + ReportFormat.count(normals) + ")", edges, normal);
        chart.addSeries("attack (" + ReportFormat.count(attacks) + ")", edges, attack);
        return chart;
    }

    static CategoryChart importance(List<FeatureImportance> top) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Feature importance (top " + top.size() + ")")
                .yAxisTitle("importance (model's scale)").build();
        CategoryStyler style = chart.getStyler();
        style.setLegendVisible(false);
        style.setXAxisLabelRotation(90);
        style.setXAxisLabelAlignmentVertical(AxesChartStyler.TextAlignment.Right);
        style.setYAxisMin(0.0);
        style.setSeriesColors(new Color[] {NORMAL});
        chart.addSeries("importance", top.stream().map(FeatureImportance::feature).toList(),
                top.stream().map(f -> Double.isFinite(f.importance()) ? f.importance() : 0.0).toList());
        return chart;
    }

    private static void save(Chart<?, ?> chart, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static void unitSquare(XYChart chart, LegendPosition legend) {
        XYStyler style = chart.getStyler();
        style.setLegendPosition(legend);
        style.setXAxisMin(0.0);
        style.setXAxisMax(1.0);
        style.setYAxisMin(0.0);
        style.setYAxisMax(1.0);
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        return series;
    }

    private static double[] xs(List<CurvePoint> points) {
        return points.stream().mapToDouble(CurvePoint::x).toArray();
    }

    private static double[] ys(List<CurvePoint> points) {
        return points.stream().mapToDouble(CurvePoint::y).toArray();
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
