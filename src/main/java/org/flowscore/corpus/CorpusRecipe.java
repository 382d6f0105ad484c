package org.flowscore.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a model of connection logs is trained on and how, as a YAML file says it: the captures (paths under a
 * data folder), how attacks are injected into them, and the training settings. The shipped default model's
 * recipe is {@code models/flowscore-default.corpus.yml}; a site can write its own.
 *
 * @param name      the model's name
 * @param captures  the captures, each read as one stream
 * @param injection how {@code simulate}'s attacks are injected into each capture
 * @param training  the algorithm's settings
 */
public record CorpusRecipe(String name, List<CaptureEntry> captures, InjectionSettings injection,
                           TrainingSettings training) {

    public CorpusRecipe {
        require(name != null && !name.isBlank(), "name: the model needs a name");
        require(captures != null && captures.size() >= 2, "captures: give at least two (one is held out to set the"
                + " threshold)");
        require(injection != null, "injection: missing");
        require(training != null, "training: missing");
        captures = List.copyOf(captures);
    }

    /**
     * One capture.
     *
     * @param path    a file, folder or glob under the data folder
     * @param benign  an unlabelled log of benign traffic: its connections are labelled {@code benign}
     * @param inject  whether attacks are injected into it
     * @param unlabel connections whose labels are known to be wrong: left out as unlabelled, with why
     */
    public record CaptureEntry(String path, Boolean benign, Boolean inject, List<Unlabel> unlabel) {
        public CaptureEntry {
            require(path != null && !path.isBlank(), "captures: every capture needs a path");
            benign = benign != null && benign;
            inject = inject == null || inject;
            unlabel = unlabel == null ? List.of() : List.copyOf(unlabel);
        }
    }

    /**
     * Connections from {@code orig} to {@code resp} (on {@code port}, when given) whose label is known wrong.
     *
     * @param reason what is wrong, for the summary
     */
    public record Unlabel(String orig, String resp, Integer port, String reason) {
        public Unlabel {
            require(orig != null && resp != null && reason != null, "unlabel: give orig, resp and reason");
        }
    }

    /**
     * @param seed             seeds the injected attacks of every capture (each capture its own stream from it)
     * @param warmup           the first connections of a channel of a behavioural attack (beacon, brute force,
     *                         command and control) carry no evidence a connection log can show: this many are
     *                         left out of training, never of measurement
     * @param maxRowsPerAttack at most this many rows of one attack label from one capture are trained on (a
     *                         flood would otherwise outweigh everything else), taken evenly
     */
    public record InjectionSettings(long seed, int warmup, int maxRowsPerAttack) {
        public InjectionSettings {
            require(warmup >= 0, "injection.warmup must be 0 or more");
            require(maxRowsPerAttack >= 1, "injection.maxRowsPerAttack must be at least 1");
        }
    }

    /** The random forest's settings, as {@code flowscore train} names them. */
    public record TrainingSettings(long seed, int trees, int cvTrees, int folds, int maxDepth, int nodeSize, int mtry,
                                   double fpBudget, List<String> exclude) {
        public TrainingSettings {
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
        }
    }

    public static CorpusRecipe read(Path file) throws CorpusException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new CorpusException(file + ": no such corpus file");
        } catch (IOException e) {
            throw new CorpusException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static CorpusRecipe parse(InputStream in, String name) throws CorpusException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            return yaml.readValue(in, CorpusRecipe.class);
        } catch (UnrecognizedPropertyException e) {
            throw new CorpusException(name + ": unknown key '" + e.getPropertyName() + "' (known: "
                    + e.getKnownPropertyIds() + ")", e);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new CorpusException(name + ": " + cause.getMessage(), e);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
