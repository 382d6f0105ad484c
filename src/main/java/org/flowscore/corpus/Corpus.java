package org.flowscore.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowscore.dataset.DatasetLoader;
import org.flowscore.features.ExtendedSchema;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.Connection;
import org.flowscore.flow.GroundTruth;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.simulate.Injection;
import org.flowscore.source.InputException;
import org.flowscore.source.InputResolver;

/**
 * The captures of a {@link CorpusRecipe}, read once, with their labels corrected as the recipe says, and the
 * data sets made of them: for training (every capture, or every one but those held out, with attacks injected
 * and the training filters applied) and for measuring (one capture as it is, or with attacks injected by
 * another seed). Feature windows run over each capture on its own.
 */
public final class Corpus {
    /** Labels of attacks whose evidence is a channel's repetition: their first connections show nothing yet. */
    private static final Set<String> BEHAVIOURAL = Set.of("beacon", "bruteforce");

    /** One capture: its connections, labels applied. */
    public record Capture(String name, List<Connection> connections, boolean inject, long unlabelledByRecipe) {
    }

    private final CorpusRecipe recipe;
    private final List<Capture> captures;
    private final FeatureSettings settings;
    private final ExtendedSettings extended;

    private Corpus(CorpusRecipe recipe, List<Capture> captures, FeatureSettings settings, ExtendedSettings extended) {
        this.recipe = recipe;
        this.captures = captures;
        this.settings = settings;
        this.extended = extended;
    }

    /**
     * Reads every capture of {@code recipe} from under {@code dataRoot}.
     *
     * @throws CorpusException when a capture is missing or holds no connection
     */
    public static Corpus load(CorpusRecipe recipe, Path dataRoot, FeatureSettings settings, ExtendedSettings extended)
            throws CorpusException {
        List<Capture> captures = new ArrayList<>();
        for (CorpusRecipe.CaptureEntry entry : recipe.captures()) {
            List<Connection> connections = new ArrayList<>();
            try {
                new ConnectionReader(ReadOptions.defaults(), new ReadStats())
                        .readAll(InputResolver.resolve(List.of(dataRoot.resolve(entry.path()).toString())),
                                connections::add);
            } catch (InputException | BadLineException e) {
                throw new CorpusException("capture " + entry.path() + ": " + e.getMessage()
                        + " (is the data folder right? it is " + dataRoot + ")", e);
            }
            if (connections.isEmpty()) {
                throw new CorpusException("capture " + entry.path() + ": no connections");
            }
            long unlabelled = 0;
            for (int i = 0; i < connections.size(); i++) {
                Connection c = connections.get(i);
                GroundTruth truth = c.truth();
                if (truth == null && entry.benign()) {
                    truth = new GroundTruth("benign", null);
                }
                for (CorpusRecipe.Unlabel rule : entry.unlabel()) {
                    if (matches(rule, c)) {
                        truth = new GroundTruth("Unknown", "left out: " + rule.reason());
                        unlabelled++;
                    }
                }
                if (truth != c.truth()) {
                    connections.set(i, c.withTruth(truth));
                }
            }
            captures.add(new Capture(entry.path(), List.copyOf(connections), entry.inject(), unlabelled));
        }
        return new Corpus(recipe, List.copyOf(captures), settings, extended);
    }

    /**
     * The same corpus with more captures after its own (a site's history, cut into pieces): trained on alike,
     * attacks injected into each from the recipe's seed.
     */
    public Corpus plus(List<Capture> more) {
        List<Capture> all = new ArrayList<>(captures);
        all.addAll(more);
        return new Corpus(recipe, List.copyOf(all), settings, extended);
    }

    public CorpusRecipe recipe() {
        return recipe;
    }

    public List<Capture> captures() {
        return captures;
    }

    public FeatureSettings settings() {
        return settings;
    }

    public ExtendedSettings extendedSettings() {
        return extended;
    }

    /**
     * The training rows: every capture not in {@code heldOut}, with attacks injected (recipe seed), the
     * warm-up connections of behavioural attacks left out and each attack label capped per capture.
     */
    public LabelledDataset training(Set<String> heldOut) throws CorpusException {
        List<DatasetLoader.Generated> inputs = new ArrayList<>();
        for (int i = 0; i < captures.size(); i++) {
            Capture c = captures.get(i);
            if (!heldOut.contains(c.name())) {
                inputs.add(generated(c, c.inject(), recipe.injection().seed() + i));
            }
        }
        return filterForTraining(load(inputs));
    }

    /** One capture for measuring: as it is, or with attacks injected from {@code seed}. */
    public LabelledDataset measured(Capture capture, Long seed) throws CorpusException {
        return load(List.of(generated(capture, seed != null, seed == null ? 0 : seed)));
    }

    private static DatasetLoader.Generated generated(Capture c, boolean inject, long seed) {
        if (!inject) {
            return new DatasetLoader.Generated(c.name(), "capture " + c.name(), c.connections());
        }
        return new DatasetLoader.Generated(c.name() + " + injected attacks (seed " + seed + ")",
                "capture " + c.name() + " injected with seed " + seed, Injection.inject(c.connections(), seed));
    }

    private LabelledDataset load(List<DatasetLoader.Generated> inputs) throws CorpusException {
        try {
            return new DatasetLoader(FeatureSet.EXTENDED, settings, extended, ServiceTable.bundled(),
                    ReadOptions.defaults()).load(inputs);
        } catch (InputException | BadLineException e) {
            throw new CorpusException(e.getMessage(), e);
        }
    }

    /** Leaves out the warm-up rows of behavioural attacks and takes at most the cap of each attack label. */
    private LabelledDataset filterForTraining(LabelledDataset data) {
        int warmup = recipe.injection().warmup();
        int cap = recipe.injection().maxRowsPerAttack();
        int chanConns = ExtendedSchema.CHAN_CONNS;
        List<LabelledFeatures> rows = new ArrayList<>();
        List<LabelledDataset.Capture> kept = new ArrayList<>();
        for (LabelledDataset.Capture capture : data.captures()) {
            List<LabelledFeatures> part = data.rows().subList(capture.firstRow(), capture.endRow());
            Map<String, Integer> perLabel = new LinkedHashMap<>();
            for (LabelledFeatures r : part) {
                if (r.isAttack() && !(isBehavioural(r.label()) && r.extended().get(chanConns) <= warmup)) {
                    perLabel.merge(r.label(), 1, Integer::sum);
                }
            }
            Map<String, Integer> seen = new LinkedHashMap<>();
            Map<String, Integer> taken = new LinkedHashMap<>();
            int first = rows.size();
            long dropped = 0;
            for (LabelledFeatures r : part) {
                if (!r.isAttack()) {
                    rows.add(r);
                    continue;
                }
                if (isBehavioural(r.label()) && r.extended().get(chanConns) <= warmup) {
                    dropped++;
                    continue;
                }
                int total = perLabel.get(r.label());
                int index = seen.merge(r.label(), 1, Integer::sum) - 1;
                // Evenly spread: row k is taken when it moves floor(k * cap / total) on.
                if (total <= cap || (long) (index + 1) * cap / total > (long) index * cap / total) {
                    rows.add(r);
                    taken.merge(r.label(), 1, Integer::sum);
                } else {
                    dropped++;
                }
            }
            kept.add(new LabelledDataset.Capture(capture.name(), first, rows.size() - first,
                    capture.unlabelled() + dropped, capture.spanMicros()));
        }
        return new LabelledDataset(data.featureSet(), rows, kept, data.labelled(), data.sha256(), data.sources());
    }

    static boolean isBehavioural(String label) {
        return BEHAVIOURAL.contains(label) || label.contains("C&C");
    }

    private static boolean matches(CorpusRecipe.Unlabel rule, Connection c) {
        return c.key().sourceIp().equals(rule.orig()) && c.key().destinationIp().equals(rule.resp())
                && (rule.port() == null || c.key().destinationPort() == rule.port());
    }
}
