package org.flowscore.eval;

import static org.flowscore.eval.ReportFormat.count;
import static org.flowscore.eval.ReportFormat.ratio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An {@link Evaluation} as a folder: {@code index.html}, a page with no outside styles or scripts, beside the
 * PNG plots it shows ({@code roc.png}, {@code pr.png}, {@code confusion.png}, {@code score-histogram.png},
 * {@code feature-importance.png}). Files already there under those names are replaced.
 */
public final class HtmlReport {
    public static final String INDEX = "index.html";
    public static final List<String> PLOTS = List.of(EvaluationCharts.ROC, EvaluationCharts.PR,
            EvaluationCharts.CONFUSION, EvaluationCharts.HISTOGRAM, EvaluationCharts.IMPORTANCE);

    private static final Map<String, String> ALT = Map.of(
            EvaluationCharts.ROC, "ROC curve",
            EvaluationCharts.PR, "precision-recall curve",
            EvaluationCharts.CONFUSION, "confusion matrix",
            EvaluationCharts.HISTOGRAM, "score histogram by class",
            EvaluationCharts.IMPORTANCE, "feature importance");

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #1a202c; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
            th, td { border: 1px solid #cbd5e0; padding: 0.25em 0.75em; }
            th { background: #edf2f7; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            .plots img { margin: 0 1em 1em 0; border: 1px solid #e2e8f0; }
            .note { color: #4a5568; font-size: 0.9em; }
            """;

    private HtmlReport() {
    }

    /** Writes the page and the plots into {@code dir}, creating it when missing; returns the page. */
    public static Path write(Evaluation e, Path dir) throws IOException {
        Files.createDirectories(dir);
        EvaluationCharts.writeAll(e, dir);
        Path index = dir.resolve(INDEX);
        Files.writeString(index, page(e), StandardCharsets.UTF_8);
        return index;
    }

    static String page(Evaluation e) {
        Metrics m = e.metrics();
        Confusion c = m.confusion();
        String title = "flowscore evaluation: " + e.model().name() + " " + e.model().version();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(escape(title)).append("</h1>\n");

        h.append("<table>\n");
        row(h, "model", ReportFormat.model(e.model()));
        row(h, "threshold", ReportFormat.threshold(e.threshold()));
        row(h, "data", String.join(", ", e.sources()));
        row(h, "rows", count(e.rows()) + " (" + count(c.attacks()) + " attack, " + count(c.normals()) + " normal)");
        h.append("</table>\n");
        if (!e.labelled()) {
            note(h, "Unlabelled logs: every row counts as normal, so only the false positives mean anything.");
        }

        h.append("<h2>Metrics</h2>\n<table>\n");
        numberRow(h, "accuracy", ratio(m.accuracy()));
        numberRow(h, "precision", ratio(m.precision()));
        numberRow(h, "recall", ratio(m.recall()));
        numberRow(h, "F1", ratio(m.f1()));
        numberRow(h, "ROC AUC", ratio(m.rocAuc()));
        numberRow(h, "PR AUC (average precision)", ratio(m.prAuc()));
        h.append("</table>\n");

        h.append("<h2>Confusion matrix</h2>\n<table>\n");
        h.append("<tr><th></th><th>predicted normal</th><th>predicted attack</th></tr>\n");
        h.append("<tr><th>actual normal</th>").append(cell(count(c.tn()))).append(cell(count(c.fp())))
                .append("</tr>\n");
        h.append("<tr><th>actual attack</th>").append(cell(count(c.fn()))).append(cell(count(c.tp())))
                .append("</tr>\n");
        h.append("</table>\n");

        if (!e.perCategory().isEmpty()) {
            h.append("<h2>Recall by attack category</h2>\n");
            recallTable(h, "category", e.perCategory(), false);
            if (EvaluationReport.usesNslKddCategories(e)) {
                note(h, "Categories: " + AttackCategories.MAPPING_NOTE + ".");
            }
            h.append("<h2>Recall by attack label</h2>\n");
            recallTable(h, "label", e.perLabel(), true);
        }

        h.append("<h2>Plots</h2>\n<div class=\"plots\">\n");
        for (String plot : PLOTS) {
            h.append("<img src=\"").append(escape(plot)).append("\" alt=\"").append(escape(ALT.get(plot)))
                    .append("\" width=\"").append(EvaluationCharts.WIDTH).append("\" height=\"")
                    .append(EvaluationCharts.HEIGHT).append("\">\n");
        }
        h.append("</div>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Text for HTML element content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static void recallTable(StringBuilder h, String heading, List<AttackRecall> rows, boolean withCategory) {
        h.append("<table>\n<tr><th>").append(heading).append(withCategory ? "</th><th>category" : "")
                .append("</th><th>rows</th><th>detected</th><th>recall</th></tr>\n");
        for (AttackRecall r : rows) {
            h.append("<tr><td>").append(escape(r.name())).append("</td>");
            if (withCategory) {
                h.append("<td>").append(escape(AttackCategories.categoryOf(r.name()))).append("</td>");
            }
            h.append(cell(count(r.count()))).append(cell(count(r.detected()))).append(cell(ratio(r.recall())))
                    .append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static void numberRow(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(escape(name)).append("</th>").append(cell(value)).append("</tr>\n");
    }

    private static String cell(String number) {
        return "<td class=\"n\">" + escape(number) + "</td>";
    }

    private static void note(StringBuilder h, String text) {
        h.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
    }
}
