package org.flowscore.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.KddSchema;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.features.NslKddReader;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.Connection;
import org.flowscore.flow.GroundTruth;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;
import org.flowscore.source.InputOpener;

/**
 * Loads training or evaluation rows, one capture at a time: NSL-KDD files ({@code KDDTrain+.txt} format),
 * connection logs, which go through the same reader (with its local networks) and feature extractor as scoring (each capture its own
 * stream, so windows never mix two networks), or connections generated in memory. A log's truth label
 * (IoT-23's {@code label}/{@code detailed-label}, Stratosphere's {@code label}/{@code detailedlabel}) becomes
 * the row's label: {@code normal} for benign traffic, the detailed label (or the label) for malicious
 * traffic. Unlabelled connections ({@code Background}, {@code Unknown}, {@code -}, none in a labelled log)
 * feed the windows but give no row; they are counted per capture.
 */
public final class DatasetLoader {
    private final FeatureSet featureSet;
    private final FeatureSettings settings;
    private final ExtendedSettings extended;
    private final ServiceTable services;
    private final ReadOptions readOptions;

    /**
     * @param extended settings of the extended features, needed when {@code featureSet} has them
     */
    public DatasetLoader(FeatureSet featureSet, FeatureSettings settings, ExtendedSettings extended,
                         ServiceTable services, ReadOptions readOptions) {
        if (featureSet == FeatureSet.EXTENDED && extended == null) {
            throw new IllegalArgumentException("the extended feature set needs its settings");
        }
        this.featureSet = featureSet;
        this.settings = settings;
        this.extended = featureSet == FeatureSet.EXTENDED ? extended : null;
        this.services = services;
        this.readOptions = readOptions;
    }

    /** The 41 NSL-KDD features: NSL-KDD files and models. */
    public static DatasetLoader nslKdd(FeatureSettings settings, ServiceTable services, ReadOptions readOptions) {
        return new DatasetLoader(FeatureSet.NSL_KDD, settings, null, services, readOptions);
    }

    /** What one capture is made of. */
    public sealed interface CaptureInput {
        String name();
    }

    /** Files read one after another as one stream (a folder of rotated logs, one labelled log). */
    public record Files(String name, List<InputFile> files) implements CaptureInput {
    }

    /**
     * Connections made in memory, in the order a sensor would log them.
     *
     * @param identity what made them (generator, settings, seed), hashed into the data's identity
     */
    public record Generated(String name, String identity, List<Connection> connections) implements CaptureInput {
    }

    /**
     * @throws InputException when a file is missing or unreadable, or labelled and unlabelled logs are mixed
     */
    public LabelledDataset load(List<? extends CaptureInput> inputs) throws InputException, BadLineException {
        List<LabelledFeatures> rows = new ArrayList<>();
        List<LabelledDataset.Capture> captures = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        MessageDigest digest = sha256();
        int labelledCaptures = 0;
        int unlabelledCaptures = 0;
        for (CaptureInput input : inputs) {
            sources.add(input.name());
            int first = rows.size();
            CaptureRows capture = new CaptureRows(rows);
            switch (input) {
                case Files f -> {
                    for (InputFile file : f.files()) {
                        digest(file, digest);
                        if (isNslKdd(file)) {
                            readNslKdd(file, capture);
                        } else {
                            readLog(file, capture);
                        }
                    }
                    capture.finish();
                }
                case Generated g -> {
                    digest.update(g.identity().getBytes(StandardCharsets.UTF_8));
                    g.connections().forEach(capture.extractor());
                    capture.finish();
                }
            }
            if (capture.withLabel > 0 || capture.nslKdd) {
                labelledCaptures++;
            } else if (capture.withoutLabel > 0) {
                unlabelledCaptures++;
            }
            captures.add(new LabelledDataset.Capture(input.name(), first, rows.size() - first,
                    capture.withLabel > 0 ? capture.unlabelled + capture.withoutLabel : 0, capture.span()));
        }
        if (labelledCaptures > 0 && unlabelledCaptures > 0) {
            throw new InputException("the inputs mix labelled and unlabelled logs: give either only labelled data"
                    + " (NSL-KDD files, logs with IoT-23 or Stratosphere label columns) or only unlabelled logs");
        }
        boolean labelled = unlabelledCaptures == 0;
        if (!labelled) {
            rows.replaceAll(r -> new LabelledFeatures(r.features(), r.extended(), LabelledFeatures.NORMAL,
                    LabelledFeatures.NO_DIFFICULTY));
        }
        return new LabelledDataset(featureSet, rows, captures, labelled, HexFormat.of().formatHex(digest.digest()),
                sources);
    }

    /** Each argument (a file, folder or glob, as given) as one capture. */
    public LabelledDataset loadArguments(List<String> arguments) throws InputException, BadLineException {
        List<CaptureInput> inputs = new ArrayList<>();
        for (String argument : arguments) {
            inputs.add(new Files(argument, org.flowscore.source.InputResolver.resolve(List.of(argument))));
        }
        return load(inputs);
    }

    /**
     * The rows of one capture as they are made: one feature extractor over all its connections, and what
     * its labels said.
     */
    private final class CaptureRows {
        private final List<LabelledFeatures> rows;
        private FeatureExtractor extractor;
        long withLabel;
        long withoutLabel;
        long unlabelled;
        boolean nslKdd;
        private long firstStart = Long.MAX_VALUE;
        private long lastEnd = Long.MIN_VALUE;
        /** Connections with no label are kept as unlabelled rows until the capture shows whether it has labels. */
        private final List<LabelledFeatures> pendingUnlabelled = new ArrayList<>();

        CaptureRows(List<LabelledFeatures> rows) {
            this.rows = rows;
        }

        FeatureExtractor extractor() {
            if (extractor == null) {
                extractor = new FeatureExtractor(settings, extended, services, fc -> {
                    Connection c = fc.connection();
                    firstStart = Math.min(firstStart, c.startMicros());
                    lastEnd = Math.max(lastEnd, c.endMicros());
                    GroundTruth truth = c.truth();
                    if (truth == null) {
                        withoutLabel++;
                        pendingUnlabelled.add(new LabelledFeatures(fc.features(), fc.extended(),
                                LabelledFeatures.NORMAL, LabelledFeatures.NO_DIFFICULTY));
                        return;
                    }
                    withLabel++;
                    switch (truth.kind()) {
                        case UNLABELLED -> unlabelled++;
                        case BENIGN -> rows.add(new LabelledFeatures(fc.features(), fc.extended(),
                                LabelledFeatures.NORMAL, LabelledFeatures.NO_DIFFICULTY));
                        case ATTACK -> rows.add(new LabelledFeatures(fc.features(), fc.extended(), attackName(truth),
                                LabelledFeatures.NO_DIFFICULTY));
                    }
                });
            }
            return extractor;
        }

        void finish() {
            if (extractor != null) {
                extractor.flush();
            }
            // In a log with labels, a connection without one is unlabelled; in a log without any, every
            // connection is a row of the site's own (unlabelled) traffic.
            if (withLabel == 0) {
                rows.addAll(pendingUnlabelled);
            }
            pendingUnlabelled.clear();
        }

        long span() {
            return lastEnd >= firstStart ? lastEnd - firstStart : 0;
        }
    }

    private void readLog(InputFile file, CaptureRows capture) throws InputException, BadLineException {
        new ConnectionReader(readOptions, new ReadStats()).read(file, capture.extractor());
    }

    private void readNslKdd(InputFile file, CaptureRows capture) throws InputException {
        if (featureSet != FeatureSet.NSL_KDD) {
            throw new InputException(file.displayName() + ": an NSL-KDD file has only the 41 NSL-KDD features, not"
                    + " the " + featureSet.id() + " set of connection logs: evaluate it with an NSL-KDD model"
                    + " (--model nsl-kdd), train on it with --feature-set nsl-kdd");
        }
        capture.nslKdd = true;
        try {
            capture.rows.addAll(NslKddReader.readAll(file.path()));
        } catch (IOException e) {
            throw new InputException(file.displayName() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    private static String attackName(GroundTruth truth) {
        String detail = truth.detail();
        return detail != null && !detail.isEmpty() && !detail.equals("-") ? detail : truth.label();
    }

    /** An NSL-KDD file: comma-separated, 42 or 43 columns, the second a protocol name. */
    public static boolean isNslKdd(InputFile input) throws InputException {
        if (input.isStdin()) {
            return false;
        }
        try (InputStream in = InputOpener.open(input)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            String first = head.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            String[] cols = first.split(",", -1);
            return (cols.length == 42 || cols.length == 43) && KddSchema.PROTOCOLS.contains(cols[1]);
        } catch (IOException e) {
            throw new InputException(input.displayName() + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void digest(InputFile input, MessageDigest digest) throws InputException {
        if (input.isStdin()) {
            return;
        }
        try (InputStream in = new DigestInputStream(java.nio.file.Files.newInputStream(input.path()), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new InputException(input.displayName() + ": cannot read: " + e.getMessage(), e);
        }
    }
}
