package org.flowscore.calibrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.flowscore.dataset.DatasetLoader;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.Connection;
import org.flowscore.model.Calibration;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelException;
import org.flowscore.model.ModelInfo;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.simulate.Injection;
import org.flowscore.source.InputException;
import org.flowscore.source.InputResolver;

/**
 * Fits a model's threshold to one site: scores the site's own history (taken as normal traffic, attack-labelled
 * connections left out when the logs carry labels) and raises the threshold until no more of it is flagged than
 * the budget allows. The threshold is never lowered below the model's own, which was set for a false-positive
 * budget across networks. It then measures what that costs: {@code simulate}'s attacks are injected into the
 * same history and their recall taken at the model's threshold and at the site's.
 */
public final class SiteCalibration {

    /** How many alerts the site's normal traffic may raise. */
    public sealed interface Budget {
        /** The flows of the history that may be flagged. */
        long allowed(long connections, double days);

        String describe();
    }

    /** At most this many alerts a day, at the history's own rate. */
    public record AlertsPerDay(double alerts) implements Budget {
        public AlertsPerDay {
            if (!(alerts >= 0) || Double.isInfinite(alerts)) {
                throw new IllegalArgumentException("--alerts-per-day must be 0 or more, got " + alerts);
            }
        }

        @Override
        public long allowed(long connections, double days) {
            return (long) Math.floor(alerts * days);
        }

        @Override
        public String describe() {
            return alerts + " alerts per day";
        }
    }

    /** At most this share of the flows. */
    public record FlaggedShare(double share) implements Budget {
        public FlaggedShare {
            if (!(share >= 0 && share < 1)) {
                throw new IllegalArgumentException("--flagged-share must be in [0, 1), got " + share);
            }
        }

        @Override
        public long allowed(long connections, double days) {
            return (long) Math.floor(share * connections);
        }

        @Override
        public String describe() {
            return share * 100 + " % of flows";
        }
    }

    /**
     * @param bundle      the calibrated copy of the model
     * @param recall      per injected attack type: {recall at the model's threshold, recall at the site's}
     */
    public record Result(ModelBundle bundle, Calibration calibration, Map<String, double[]> recall) {
    }

    private SiteCalibration() {
    }

    /**
     * @param captures each a file, folder or glob of the site's logs, read as one stream
     * @param seed     seeds the injected attacks
     */
    public static Result calibrate(ModelBundle bundle, List<String> captures, ReadOptions read, Budget budget,
                                   long seed, Consumer<String> progress)
            throws ModelException, InputException, BadLineException {
        Model model = bundle.model();
        ModelInfo info = bundle.info();
        List<DatasetLoader.Generated> history = new ArrayList<>();
        List<DatasetLoader.Generated> injected = new ArrayList<>();
        for (int i = 0; i < captures.size(); i++) {
            String name = captures.get(i);
            List<Connection> connections = new ArrayList<>();
            new ConnectionReader(read, new ReadStats()).readAll(InputResolver.resolve(List.of(name)),
                    connections::add);
            if (connections.isEmpty()) {
                throw new InputException(name + ": no connections to calibrate on");
            }
            history.add(new DatasetLoader.Generated(name, name, connections));
            injected.add(new DatasetLoader.Generated(name + " + injected attacks", name + " injected " + (seed + i),
                    Injection.inject(connections, seed + i)));
        }
        DatasetLoader loader = new DatasetLoader(model.featureSet(), info.featureSettings(), info.extendedSettings(),
                ServiceTable.bundled(), read);
        progress.accept("scoring the site's history");
        LabelledDataset site = loader.load(history);
        double[] scores = scores(model, site, false);
        double days = site.captures().stream().mapToLong(LabelledDataset.Capture::spanMicros).sum() / 86_400e6;
        progress.accept("scoring the same history with simulate's attacks injected");
        LabelledDataset attacked = loader.load(injected);
        return fit(bundle, new History(scores, days, site.sha256(), captures), attacked, budget, progress);
    }

    /**
     * Scores of a site's normal traffic, and where they came from.
     *
     * @param scores    one per normal flow of the history
     * @param days      the span of the history
     * @param sha256    the site data's SHA-256
     * @param sources   the site's files as given
     */
    public record History(double[] scores, double days, String sha256, List<String> sources) {
    }

    /**
     * Sets the threshold for {@code budget} on the history's scores (never below the model's own) and measures
     * the recall of the attacks in {@code attacked} at the model's threshold and the site's.
     */
    public static Result fit(ModelBundle bundle, History history, LabelledDataset attacked, Budget budget,
                             Consumer<String> progress) throws ModelException {
        Model model = bundle.model();
        ModelInfo info = bundle.info();
        double[] scores = history.scores();
        long allowed = budget.allowed(scores.length, history.days());
        double threshold = threshold(scores, allowed, info.threshold());
        long flagged = Arrays.stream(scores).filter(s -> s >= threshold).count();
        progress.accept(String.format("%,d connections over %.2f days; %s allows %,d flagged: threshold %s (the"
                + " model's %s), %,d flagged", scores.length, history.days(), budget.describe(), allowed, threshold,
                info.threshold(), flagged));
        Map<String, double[]> recall = recall(model, attacked, info.threshold(), threshold);
        Map<String, Double> kept = new TreeMap<>();
        recall.forEach((type, r) -> kept.put(type, r[1]));
        Calibration calibration = new Calibration(id(history.sha256(), budget, threshold), info.threshold(),
                budget.describe(), history.sha256(), List.copyOf(history.sources()), scores.length, history.days(),
                flagged, kept);
        ModelBundle calibrated = bundle.withInfo(info.calibrated(threshold, calibration));
        return new Result(calibrated, calibration, recall);
    }

    /**
     * The lowest threshold on a 0.001 grid, not below {@code floor}, at which at most {@code allowed} of the
     * scores are at or above it.
     */
    public static double threshold(double[] scores, long allowed, double floor) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (allowed >= n) {
            return floor;
        }
        // The (allowed + 1)-th highest score must fall below the threshold.
        double kept = sorted[(int) (n - 1 - allowed)];
        double above = (Math.floor(kept * 1000 + 1e-9) + 1) / 1000;
        return Math.max(floor, Math.min(1.0, above));
    }

    private static double[] scores(Model model, LabelledDataset data, boolean attacks) {
        FeatureSet set = model.featureSet();
        return data.rows().stream().filter(r -> r.isAttack() == attacks)
                .mapToDouble(r -> model.scorer().score(r.values(set))).toArray();
    }

    private static Map<String, double[]> recall(Model model, LabelledDataset data, double before, double after) {
        FeatureSet set = model.featureSet();
        Map<String, long[]> counts = new TreeMap<>();
        for (LabelledFeatures r : data.rows()) {
            if (r.isAttack()) {
                double s = model.scorer().score(r.values(set));
                long[] c = counts.computeIfAbsent(r.label(), k -> new long[3]);
                c[0]++;
                c[1] += s >= before ? 1 : 0;
                c[2] += s >= after ? 1 : 0;
            }
        }
        Map<String, double[]> recall = new TreeMap<>();
        counts.forEach((type, c) -> recall.put(type, new double[] {(double) c[1] / c[0], (double) c[2] / c[0]}));
        return recall;
    }

    private static String id(String siteSha256, Budget budget, double threshold) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((siteSha256 + "|" + budget.describe() + "|" + threshold)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
