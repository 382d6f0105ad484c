package org.flowscore.model.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.flowscore.model.score.Scorer;

/**
 * Out-of-fold scores for choosing a supervised model's threshold on the training data alone.
 *
 * <p>With two or more captures that hold normal rows (several networks' logs), the folds leave whole captures
 * out, dealt to the folds largest first in snake order: each capture is scored by a model that never saw its
 * network, as a deployed model meets a new site, and the threshold is set on those scores (see
 * {@link Threshold#forBudget}).
 *
 * <p>Otherwise, with two or more attack types the folds leave attack types out: the types, largest first, are dealt
 * to the folds in snake order (1, 2, …, k, k, …, 1, …) and the normal rows are shuffled and dealt round robin,
 * so each fold's model has never seen the attack types it scores, as a deployed model meets new attacks.
 * With one attack type (a labelled log with a single detailed label) the folds are stratified: each class
 * shuffled and dealt round robin.
 */
final class CrossValidation {

    /** What the folds hold out. */
    enum HeldOut {
        CAPTURES, ATTACK_TYPES, NOTHING
    }

    /** The fold of each row, the number of folds, and what was held out. */
    record Plan(int[] fold, int folds, HeldOut heldOut) {
        String describe() {
            return folds + "-fold " + switch (heldOut) {
                case CAPTURES -> "leave-capture-out cross-validation (whole captures dealt to the folds by size)";
                case ATTACK_TYPES -> "leave-attack-type-out cross-validation (attack types dealt to the folds by"
                        + " size, normal rows at random)";
                case NOTHING -> "stratified cross-validation (the data has one attack type, so no type can be"
                        + " held out)";
            };
        }
    }

    /** Fits a model on some rows; {@code fold} is the fold held out. */
    interface FoldTrainer {
        Scorer fit(int[] rows, int fold);
    }

    private CrossValidation() {
    }

    /** Folds of whole captures: each capture in one fold, the largest captures dealt first, snake order. */
    static Plan planByCapture(TrainingSet set, int folds) {
        int captures = set.captureNames.size();
        int[] size = new int[captures];
        for (int c : set.capture) {
            size[c]++;
        }
        List<Integer> bySize = new ArrayList<>();
        for (int c = 0; c < captures; c++) {
            if (size[c] > 0) {
                bySize.add(c);
            }
        }
        bySize.sort((a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(a, b));
        int k = Math.min(folds, bySize.size());
        int[] foldOf = new int[captures];
        for (int t = 0; t < bySize.size(); t++) {
            int round = t / k;
            int position = t % k;
            foldOf[bySize.get(t)] = round % 2 == 0 ? position : k - 1 - position;
        }
        int[] fold = new int[set.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = foldOf[set.capture[i]];
        }
        return new Plan(fold, k, HeldOut.CAPTURES);
    }

    static Plan plan(TrainingSet set, int folds, long seed) {
        Map<String, Integer> types = set.attackTypes();
        Random random = new Random(seed);
        int[] fold = new int[set.size()];
        if (types.size() >= 2) {
            int k = Math.min(folds, types.size());
            List<String> bySize = new ArrayList<>(types.keySet());
            bySize.sort((a, b) -> {
                int c = Integer.compare(types.get(b), types.get(a));
                return c != 0 ? c : a.compareTo(b);
            });
            Map<String, Integer> foldOf = new java.util.HashMap<>();
            for (int t = 0; t < bySize.size(); t++) {
                int round = t / k;
                int position = t % k;
                foldOf.put(bySize.get(t), round % 2 == 0 ? position : k - 1 - position);
            }
            for (int i = 0; i < fold.length; i++) {
                if (set.y[i] == 1) {
                    fold[i] = foldOf.get(set.label[i]);
                }
            }
            deal(set, 0, k, random, fold);
            return new Plan(fold, k, HeldOut.ATTACK_TYPES);
        }
        int attacks = set.attacks();
        int k = Math.min(folds, Math.min(attacks, set.size() - attacks));
        deal(set, 0, k, random, fold);
        deal(set, 1, k, random, fold);
        return new Plan(fold, k, HeldOut.NOTHING);
    }

    /**
     * Deals the rows of class {@code cls} to the folds in a random order, round robin: the folds get equal
     * shares, so with two or more rows of the class every fold's training rows include some.
     */
    private static void deal(TrainingSet set, int cls, int k, Random random, int[] fold) {
        int[] rows = IntStream.range(0, set.size()).filter(i -> set.y[i] == cls).toArray();
        shuffle(rows, random);
        for (int r = 0; r < rows.length; r++) {
            fold[rows[r]] = r % k;
        }
    }

    /** Each row's score from the model of the fold that held it out. */
    static double[] outOfFold(TrainingSet set, Plan plan, FoldTrainer trainer, Consumer<String> progress) {
        double[] oof = new double[set.size()];
        for (int k = 0; k < plan.folds(); k++) {
            final int held = k;
            long start = System.nanoTime();
            int[] train = IntStream.range(0, set.size()).filter(i -> plan.fold()[i] != held).toArray();
            int[] test = IntStream.range(0, set.size()).filter(i -> plan.fold()[i] == held).toArray();
            Scorer scorer = trainer.fit(train, k);
            for (int i : test) {
                oof[i] = scorer.score(set.x[i]);
            }
            TreeSet<String> heldNames = new TreeSet<>();
            for (int i : test) {
                if (plan.heldOut() == HeldOut.CAPTURES) {
                    heldNames.add(set.captureNames.get(set.capture[i]));
                } else if (set.y[i] == 1) {
                    heldNames.add(set.label[i]);
                }
            }
            progress.accept(String.format("  fold %d/%d: trained on %,d rows, scored %,d held-out rows%s in %.1f s",
                    k + 1, plan.folds(), train.length, test.length, switch (plan.heldOut()) {
                        case CAPTURES -> " (" + String.join(", ", heldNames) + ")";
                        case ATTACK_TYPES -> " (attack types " + String.join(", ", heldNames) + ")";
                        case NOTHING -> "";
                    }, (System.nanoTime() - start) / 1e9));
        }
        return oof;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
