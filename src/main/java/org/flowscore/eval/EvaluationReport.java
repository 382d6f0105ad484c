package org.flowscore.eval;

import static org.flowscore.eval.ReportFormat.count;
import static org.flowscore.eval.ReportFormat.ratio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * An {@link Evaluation} as a compact text block for the terminal, or as one JSON object. The JSON's keys are
 * {@code accuracy}, {@code precision}, {@code recall}, {@code f1}, {@code roc_auc}, {@code pr_auc},
 * {@code confusion} ({@code tn, fp, fn, tp}), {@code per_category} and {@code per_label} (name →
 * {@code count, detected, recall}), {@code model} ({@code name, version, algorithm, threshold}) and
 * {@code rows}; an undefined ratio is {@code null}.
 */
public final class EvaluationReport {
    private static final int TEXT_WIDTH = 100;
    private static final int MAX_SOURCES_NAMED = 3;
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private EvaluationReport() {
    }

    /** The terminal block, ending with a newline. */
    public static String text(Evaluation e) {
        Metrics m = e.metrics();
        Confusion c = m.confusion();
        StringBuilder out = new StringBuilder();
        line(out, "model      %s, threshold %s", ReportFormat.model(e.model()), ReportFormat.threshold(e.threshold()));
        line(out, "data       %s: %s rows, %s attack, %s normal", sources(e.sources()), count(e.rows()),
                count(c.attacks()), count(c.normals()));
        if (!e.labelled()) {
            line(out, "           unlabelled logs: every row counts as normal, so only false positives mean anything");
        }
        if (e.unlabelled() > 0) {
            line(out, "           %s connections labelled Background, Unknown, - or nothing left out of every metric",
                    count(e.unlabelled()));
        }
        out.append('\n');
        line(out, "accuracy   %-8s  precision  %-8s  recall  %-8s  f1  %s", ratio(m.accuracy()), ratio(m.precision()),
                ratio(m.recall()), ratio(m.f1()));
        line(out, "roc auc    %-8s  pr auc     %s", ratio(m.rocAuc()), ratio(m.prAuc()));
        out.append('\n');
        String cells = "%-13s  %16s  %16s";
        line(out, cells, "", "predicted normal", "predicted attack");
        line(out, cells, "actual normal", count(c.tn()), count(c.fp()));
        line(out, cells, "actual attack", count(c.fn()), count(c.tp()));
        if (!e.perCategory().isEmpty()) {
            out.append('\n');
            // A labelled log's detailed labels are no NSL-KDD category: each is an attack of its own.
            boolean nslKdd = usesNslKddCategories(e);
            recallTable(out, nslKdd ? "category" : "attack", e.perCategory());
            if (nslKdd) {
                wrapped(out, "categories ", AttackCategories.MAPPING_NOTE);
            }
        }
        return out.toString();
    }

    /** The JSON object, pretty-printed, ending with a newline. */
    public static String json(Evaluation e) {
        StringWriter out = new StringWriter();
        try {
            writeJson(e, out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    /** Writes the JSON object and a newline to {@code out}, which is flushed but left open. */
    public static void writeJson(Evaluation e, Writer out) throws IOException {
        Metrics m = e.metrics();
        Confusion c = m.confusion();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("model");
            g.writeStringField("name", e.model().name());
            g.writeStringField("version", e.model().version());
            g.writeStringField("algorithm", e.model().algorithm());
            g.writeNumberField("threshold", e.threshold());
            g.writeEndObject();
            g.writeNumberField("rows", e.rows());
            g.writeNumberField("unlabelled", e.unlabelled());
            ratioField(g, "accuracy", m.accuracy());
            ratioField(g, "precision", m.precision());
            ratioField(g, "recall", m.recall());
            ratioField(g, "f1", m.f1());
            ratioField(g, "roc_auc", m.rocAuc());
            ratioField(g, "pr_auc", m.prAuc());
            g.writeObjectFieldStart("confusion");
            g.writeNumberField("tn", c.tn());
            g.writeNumberField("fp", c.fp());
            g.writeNumberField("fn", c.fn());
            g.writeNumberField("tp", c.tp());
            g.writeEndObject();
            recallObject(g, "per_category", e.perCategory());
            recallObject(g, "per_label", e.perLabel());
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /** A day of rotated logs would not fit a line: past a few files, only their number. */
    private static String sources(List<String> sources) {
        return sources.size() <= MAX_SOURCES_NAMED ? String.join(", ", sources) : sources.size() + " files";
    }

    /** Whether the per-category table holds NSL-KDD categories, so the mapping behind it must be stated. */
    static boolean usesNslKddCategories(Evaluation e) {
        return e.perCategory().stream().anyMatch(r -> AttackCategories.NSL_KDD_CATEGORIES.contains(r.name()));
    }

    private static void recallTable(StringBuilder out, String heading, List<AttackRecall> rows) {
        int nameWidth = heading.length();
        int countWidth = "rows".length();
        for (AttackRecall r : rows) {
            nameWidth = Math.max(nameWidth, r.name().length());
            countWidth = Math.max(countWidth, count(r.count()).length());
        }
        String format = "%-" + nameWidth + "s  %" + countWidth + "s  %" + Math.max(countWidth, 8) + "s  %6s";
        line(out, format, heading, "rows", "detected", "recall");
        for (AttackRecall r : rows) {
            line(out, format, r.name(), count(r.count()), count(r.detected()), ratio(r.recall()));
        }
    }

    private static void recallObject(JsonGenerator g, String name, List<AttackRecall> rows) throws IOException {
        g.writeObjectFieldStart(name);
        for (AttackRecall r : rows) {
            g.writeObjectFieldStart(r.name());
            g.writeNumberField("count", r.count());
            g.writeNumberField("detected", r.detected());
            g.writeNumberField("recall", r.recall());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void ratioField(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isNaN(value)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    /** Words filled into lines of at most {@link #TEXT_WIDTH} characters, continuation lines indented. */
    private static void wrapped(StringBuilder out, String heading, String text) {
        StringBuilder current = new StringBuilder(heading);
        for (String word : text.split(" ")) {
            if (current.length() > heading.length() && current.length() + 1 + word.length() > TEXT_WIDTH) {
                out.append(current).append('\n');
                current.setLength(0);
                current.append(" ".repeat(heading.length()));
            } else if (current.length() > heading.length()) {
                current.append(' ');
            }
            current.append(word);
        }
        out.append(current).append('\n');
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args).stripTrailing()).append('\n');
    }
}
