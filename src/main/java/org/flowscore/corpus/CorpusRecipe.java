package org.flowscore.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
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
    public record InjectionSettings(Long seed, Integer warmup, Integer maxRowsPerAttack) {
        public InjectionSettings {
            present(seed, "injection.seed");
            present(warmup, "injection.warmup");
            present(maxRowsPerAttack, "injection.maxRowsPerAttack");
            require(warmup >= 0, "injection.warmup must be 0 or more");
            require(maxRowsPerAttack >= 1, "injection.maxRowsPerAttack must be at least 1");
        }
    }

    /** The random forest's settings, as {@code flowscore train} names them. */
    public record TrainingSettings(Long seed, Integer trees, Integer cvTrees, Integer folds, Integer maxDepth,
                                   Integer nodeSize, Integer mtry, Double fpBudget, List<String> exclude) {
        public TrainingSettings {
            present(seed, "training.seed");
            present(trees, "training.trees");
            present(cvTrees, "training.cvTrees");
            present(folds, "training.folds");
            present(maxDepth, "training.maxDepth");
            present(nodeSize, "training.nodeSize");
            present(mtry, "training.mtry");
            present(fpBudget, "training.fpBudget");
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
        }
    }

    /** Where the default model's recipe is, under the top of the source tree and on the classpath. */
    public static final String DEFAULT_RECIPE = "models/flowscore-default.corpus.yml";

    /** The default model's recipe, as shipped inside flowscore. */
    public static CorpusRecipe defaultRecipe() throws CorpusException {
        try (InputStream in = CorpusRecipe.class.getResourceAsStream("/" + DEFAULT_RECIPE)) {
            if (in == null) {
                throw new CorpusException(DEFAULT_RECIPE + " is missing from the classpath: rebuild flowscore");
            }
            return parse(in, DEFAULT_RECIPE);
        } catch (IOException e) {
            throw new CorpusException(DEFAULT_RECIPE + ": cannot read: " + e.getMessage(), e);
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
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            JsonNode tree = yaml.readTree(in);
            if (tree == null || !tree.isObject()) {
                throw new CorpusException(name + ": not a corpus recipe (a YAML mapping with name, captures,"
                        + " injection and training)");
            }
            checkKeys(tree, CorpusRecipe.class, "");
            return yaml.treeToValue(tree, CorpusRecipe.class);
        } catch (UnknownKey e) {
            throw new CorpusException(name + ": unknown key '" + e.getMessage() + "'");
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new CorpusException(name + ": " + cause.getMessage(), e);
        }
    }

    /** A key the recipe's records have no component for, named with its path. */
    private static final class UnknownKey extends RuntimeException {
        UnknownKey(String path) {
            super(path, null, false, false);
        }
    }

    /**
     * Every key of {@code node} must name a component of {@code type}; nested records and lists of them are
     * checked alike. Done before mapping, so a misspelt key is reported as such rather than as the key it
     * should have been going missing.
     */
    private static void checkKeys(JsonNode node, Class<?> type, String path) {
        if (!type.isRecord() || !node.isObject()) {
            return;
        }
        for (var entry : node.properties()) {
            RecordComponent component = Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.getName().equals(entry.getKey())).findFirst()
                    .orElseThrow(() -> new UnknownKey(path + entry.getKey()));
            String inner = path + entry.getKey() + ".";
            if (component.getType() == List.class && entry.getValue().isArray()
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                entry.getValue().forEach(item -> checkKeys(item, element, inner));
            } else {
                checkKeys(entry.getValue(), component.getType(), inner);
            }
        }
    }

    private static void present(Object value, String key) {
        require(value != null, key + ": missing");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
