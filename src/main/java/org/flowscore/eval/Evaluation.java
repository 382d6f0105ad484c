package org.flowscore.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.model.Model;
import org.flowscore.model.ModelInfo;
import org.flowscore.model.score.Scorer;

/**
 * A model scored on labelled rows: every row's score, the binary metrics at the model's threshold, and the
 * recall of each attack category and attack label (categories by {@link AttackCategories}). Immutable; the
 * per-row scores stay available for plots.
 */
public final class Evaluation {
    private final Model model;
    private final LabelledDataset data;
    private final double[] scores;
    private final boolean[] truth;
    private final String[] labels;
    private final Metrics metrics;
    private final List<AttackRecall> perCategory;
    private final List<AttackRecall> perLabel;
    private final List<FeatureImportance> importance;

    private Evaluation(Model model, LabelledDataset data, double[] scores, double[] importance) {
        this.model = model;
        this.data = data;
        this.scores = scores;
        int n = scores.length;
        this.truth = new boolean[n];
        this.labels = new String[n];
        for (int i = 0; i < n; i++) {
            LabelledFeatures row = data.rows().get(i);
            truth[i] = row.isAttack();
            labels[i] = row.label();
        }
        this.metrics = Metrics.compute(scores, truth, model.threshold());
        this.perCategory = recallBy(AttackCategories::categoryOf);
        this.perLabel = recallBy(UnaryOperator.identity());
        this.importance = ranked(model.featureSet(), importance);
    }

    /** Scores every row of {@code data} once with {@code model}'s scorer, on all cores (scorers are thread-safe). */
    public static Evaluation run(Model model, LabelledDataset data) {
        Scorer scorer = model.scorer();
        FeatureSet set = model.featureSet();
        List<LabelledFeatures> rows = data.rows();
        double[] scores = new double[rows.size()];
        IntStream.range(0, scores.length).parallel().forEach(i -> scores[i] = scorer.score(rows.get(i).values(set)));
        return new Evaluation(model, data, scores, scorer.importance());
    }

    public ModelInfo model() {
        return model.info();
    }

    public double threshold() {
        return model.threshold();
    }

    public int rows() {
        return scores.length;
    }

    /** False when the rows came from unlabelled logs: they all count as normal, so recall is undefined. */
    public boolean labelled() {
        return data.labelled();
    }

    /** Connections of the data left out as unlabelled (Background, Unknown, -, none in a labelled log). */
    public long unlabelled() {
        return data.unlabelled();
    }

    /** The evaluation files, as given. */
    public List<String> sources() {
        return data.sources();
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Attack rows by category, sorted by category name; normal rows are not a category. */
    public List<AttackRecall> perCategory() {
        return perCategory;
    }

    /** Attack rows by label, sorted by label: which attack names the model misses. */
    public List<AttackRecall> perLabel() {
        return perLabel;
    }

    /** The model's features by the scorer's global importance, largest first. */
    public List<FeatureImportance> importance() {
        return importance;
    }

    public double score(int row) {
        return scores[row];
    }

    public boolean isAttack(int row) {
        return truth[row];
    }

    public String label(int row) {
        return labels[row];
    }

    public ScoreHistogram histogram(int bins) {
        return ScoreHistogram.of(scores, truth, bins);
    }

    private List<AttackRecall> recallBy(UnaryOperator<String> group) {
        Map<String, long[]> counts = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (truth[i]) {
                long[] c = counts.computeIfAbsent(group.apply(labels[i]), k -> new long[2]);
                c[0]++;
                c[1] += model.isAttack(scores[i]) ? 1 : 0;
            }
        }
        List<AttackRecall> result = new ArrayList<>(counts.size());
        counts.forEach((name, c) -> result.add(new AttackRecall(name, c[0], c[1])));
        return List.copyOf(result);
    }

    private static List<FeatureImportance> ranked(FeatureSet set, double[] importance) {
        if (importance.length != set.count()) {
            throw new IllegalStateException("the scorer gave " + importance.length + " feature importances, expected "
                    + set.count());
        }
        List<FeatureImportance> result = new ArrayList<>(set.count());
        for (int f = 0; f < set.count(); f++) {
            result.add(new FeatureImportance(set.names().get(f), importance[f]));
        }
        // A stable sort keeps schema order among equal importances, so reports are deterministic.
        result.sort(Comparator.comparingDouble(FeatureImportance::importance).reversed());
        return List.copyOf(result);
    }
}
