package org.flowscore.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.KddSchema;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.features.NslKddReader;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.Connection;
import org.flowscore.pipeline.BadLineException;
import org.flowscore.pipeline.ConnectionReader;
import org.flowscore.pipeline.ReadOptions;
import org.flowscore.pipeline.ReadStats;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;
import org.flowscore.source.InputOpener;

/**
 * Loads training or evaluation rows from NSL-KDD files ({@code KDDTrain+.txt} format) or from connection
 * logs, which go through the same reader and feature extractor as scoring. A log's truth label (IoT-23's
 * {@code label}/{@code detailed-label}) becomes the row's label: {@code normal} for benign traffic, the
 * detailed label (or the label) for malicious traffic.
 */
public final class DatasetLoader {
    private final FeatureSettings settings;
    private final ServiceTable services;
    private final ReadOptions readOptions;

    public DatasetLoader(FeatureSettings settings, ServiceTable services, ReadOptions readOptions) {
        this.settings = settings;
        this.services = services;
        this.readOptions = readOptions;
    }

    /**
     * @throws InputException when a file is missing, unreadable, or mixes labelled and unlabelled logs
     */
    public LabelledDataset load(List<InputFile> inputs) throws InputException, BadLineException {
        List<LabelledFeatures> rows = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        int labelledLogs = 0;
        int unlabelledLogs = 0;
        for (InputFile input : inputs) {
            sources.add(input.displayName());
            if (isNslKdd(input)) {
                try {
                    NslKddReader.read(input.path(), rows::add);
                } catch (IOException e) {
                    throw new InputException(input.displayName() + ": " + e.getMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new InputException(e.getMessage(), e);
                }
            } else {
                int before = rows.size();
                boolean[] sawLabel = {false, false};
                FeatureExtractor extractor = new FeatureExtractor(settings, services, fc -> {
                    Connection c = fc.connection();
                    sawLabel[c.truth() != null ? 0 : 1] = true;
                    rows.add(new LabelledFeatures(fc.features(), label(c), LabelledFeatures.NO_DIFFICULTY));
                });
                new ConnectionReader(readOptions, new ReadStats()).read(input, extractor);
                extractor.flush();
                if (sawLabel[0] && sawLabel[1]) {
                    throw new InputException(input.displayName() + ": some connections carry a label and some do not");
                }
                if (rows.size() > before) {
                    if (sawLabel[0]) {
                        labelledLogs++;
                    } else {
                        unlabelledLogs++;
                    }
                }
            }
        }
        if (labelledLogs > 0 && unlabelledLogs > 0) {
            throw new InputException("the inputs mix labelled and unlabelled logs: give either only labelled data"
                    + " (NSL-KDD files, IoT-23-style labelled logs) or only unlabelled logs");
        }
        return new LabelledDataset(List.copyOf(rows), unlabelledLogs == 0, sha256(inputs), List.copyOf(sources));
    }

    private static String label(Connection c) {
        if (c.truth() == null || !c.truth().isAttack()) {
            return "normal";
        }
        String detail = c.truth().detail();
        return detail != null && !detail.isEmpty() ? detail : c.truth().label();
    }

    /** An NSL-KDD file: comma-separated, 42 or 43 columns, the second a protocol name. */
    static boolean isNslKdd(InputFile input) throws InputException {
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

    private static String sha256(List<InputFile> inputs) throws InputException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        for (InputFile input : inputs) {
            if (input.isStdin()) {
                continue;
            }
            try (InputStream in = new DigestInputStream(java.nio.file.Files.newInputStream(input.path()), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new InputException(input.displayName() + ": cannot read: " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Convenience for tests and tools: files given as paths. */
    public LabelledDataset loadPaths(List<Path> paths) throws InputException, BadLineException {
        return load(paths.stream().map(InputFile::new).toList());
    }
}
