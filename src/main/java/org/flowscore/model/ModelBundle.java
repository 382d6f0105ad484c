package org.flowscore.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.flowscore.features.FeatureSet;

/**
 * A model bundle: one zip file holding {@code model.json} (the {@link ModelInfo}, pretty-printed, keys in a
 * fixed order) and {@code model.ser} (the Smile model and what its scorer needs, as a Java-serialised map of
 * named parts). Writing is deterministic (fixed entry order and times, no timestamps in the content), so
 * the same training gives the same bytes.
 *
 * <p>Reading checks {@code model.json} first (format version, Smile version, feature list) and refuses a
 * bundle this flowscore cannot use with the command that retrains it. {@code model.ser} is read only
 * through an allow-list filter ({@code smile.*} and basic {@code java.*} classes, with size limits): a bundle
 * holding any other class is refused before any of that class's code runs.
 */
public final class ModelBundle {
    /** The bundle layout version this flowscore reads and writes. */
    public static final int FORMAT_VERSION = 1;

    static final String INFO_ENTRY = "model.json";
    static final String MODEL_ENTRY = "model.ser";
    private static final long MAX_INFO_BYTES = 1 << 20;
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectWriter JSON_WRITER = JSON.writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private final String source;
    private final ModelInfo info;
    private final Map<String, Object> parts;
    private final byte[] serialized;

    private ModelBundle(String source, ModelInfo info, Map<String, Object> parts, byte[] serialized) {
        this.source = source;
        this.info = info;
        this.parts = Collections.unmodifiableMap(parts);
        this.serialized = serialized;
    }

    /**
     * A new bundle. Its {@link ModelInfo#version()} becomes the first 12 hex digits of the SHA-256 of
     * {@code model.ser}, so two different models never share a version. The info goes through
     * {@code model.json} and back, so it equals the info of the bundle when read from its file.
     *
     * @param info  everything but the version
     * @param parts the scorer's parts by name (see {@link Scorers}): Smile models, arrays, boxed numbers;
     *              written in name order
     */
    public static ModelBundle create(ModelInfo info, Map<String, Object> parts) throws ModelException {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(new TreeMap<>(parts));
        byte[] serialized = serialize(copy);
        String version = sha256(serialized).substring(0, 12);
        ModelInfo versioned = info.withVersion(version);
        String source = "the new " + info.name() + " model";
        return new ModelBundle(source, parseInfo(infoJson(versioned), source), copy, serialized);
    }

    /** Reads and checks a bundle file. */
    public static ModelBundle open(Path file) throws ModelException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ModelException(name + ": is a folder, not a model bundle (a .zip written by flowscore train)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new ModelException(name + ": no such model file");
        } catch (IOException e) {
            throw new ModelException(name + ": cannot read the model: " + e.getMessage(), e);
        }
    }

    /** The default model shipped inside flowscore. */
    public static ModelBundle openDefault() throws ModelException {
        return openBuiltIn(BuiltInModel.DEFAULT);
    }

    /** A model shipped inside flowscore. */
    public static ModelBundle openBuiltIn(BuiltInModel builtIn) throws ModelException {
        String name = "the built-in model " + builtIn.id() + " (" + builtIn.resource() + ")";
        try (InputStream in = ModelBundle.class.getResourceAsStream("/" + builtIn.resource())) {
            if (in == null) {
                throw new ModelException(name + " is missing from the classpath: rebuild flowscore with its"
                        + " models/ folder");
            }
            return read(in, name);
        } catch (IOException e) {
            throw new ModelException(name + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /** Reads a bundle file and builds its scorer. */
    public static Model read(Path file) throws ModelException {
        return open(file).model();
    }

    /** Reads the built-in default model and builds its scorer. */
    public static Model readDefault() throws ModelException {
        return openDefault().model();
    }

    /**
     * A built-in model by name ({@code default}, {@code nsl-kdd}), else a bundle file by path; null gives the
     * default model.
     */
    public static ModelBundle openNamed(String nameOrPath) throws ModelException {
        if (nameOrPath == null) {
            return openDefault();
        }
        BuiltInModel builtIn = BuiltInModel.byId(nameOrPath);
        if (builtIn != null && !Files.exists(Path.of(nameOrPath))) {
            return openBuiltIn(builtIn);
        }
        Path file = Path.of(nameOrPath);
        if (!Files.exists(file) && !nameOrPath.contains("/") && !nameOrPath.endsWith(".zip")) {
            throw new ModelException(nameOrPath + ": no such model: built-in models are "
                    + String.join(", ", BuiltInModel.ids()) + "; anything else is a path to a bundle (.zip)");
        }
        return open(file);
    }

    /** {@link #openNamed} and its scorer. */
    public static Model readNamed(String nameOrPath) throws ModelException {
        return openNamed(nameOrPath).model();
    }

    public ModelInfo info() {
        return info;
    }

    /** The same model described by {@code newInfo}, which must describe it (a calibrated threshold). */
    public ModelBundle withInfo(ModelInfo newInfo) throws ModelException {
        if (!newInfo.version().equals(info.version()) || !newInfo.features().equals(info.features())) {
            throw new IllegalArgumentException("a new description must keep the model's version and features");
        }
        return new ModelBundle(source, parseInfo(infoJson(newInfo), source), new LinkedHashMap<>(parts), serialized);
    }

    /** The named parts of {@code model.ser} (unmodifiable). */
    public Map<String, Object> parts() {
        return parts;
    }

    /** The model ready to score. */
    public Model model() throws ModelException {
        try {
            return new Model(info, Scorers.of(info, parts));
        } catch (ModelException e) {
            throw new ModelException(source + ": " + e.getMessage(), e);
        }
    }

    /** Writes the bundle, replacing {@code file} only once the new one is complete. */
    public void write(Path file) throws ModelException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ModelException(file + ": the folder " + dir + " does not exist");
        }
        byte[] bytes = toBytes();
        // Not Files.createTempFile: its owner-only permissions would stay on the model.
        Path tmp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime()) + ".tmp");
        boolean created = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                created = true;
                out.write(bytes);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ModelException(file + ": cannot write the model: " + e.getMessage(), e);
        } finally {
            if (created) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover hidden temporary file is harmless; the write's own error, if any, is thrown
                }
            }
        }
    }

    /** The bundle's bytes: the same model gives the same bytes. */
    public byte[] toBytes() throws ModelException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(serialized.length / 2 + 4096);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            putEntry(zip, INFO_ENTRY, infoJson(info));
            putEntry(zip, MODEL_ENTRY, serialized);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** {@code model.json} as written: pretty-printed with a fixed key order and a final newline. */
    public static byte[] infoJson(ModelInfo info) throws ModelException {
        try {
            String json = JSON_WRITER.writeValueAsString(info) + "\n";
            return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new ModelException("cannot write model.json: " + e.getOriginalMessage(), e);
        }
    }

    private static void putEntry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static ModelBundle read(InputStream in, String name) throws ModelException {
        byte[] infoBytes = null;
        byte[] modelBytes = null;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                switch (entry.getName()) {
                    case INFO_ENTRY -> infoBytes = readEntry(zip, name, INFO_ENTRY, MAX_INFO_BYTES);
                    case MODEL_ENTRY -> modelBytes = readEntry(zip, name, MODEL_ENTRY, ModelInputFilter.MAX_BYTES);
                    default -> throw new ModelException(name + ": unexpected entry '" + entry.getName()
                            + "': a model bundle holds only " + INFO_ENTRY + " and " + MODEL_ENTRY);
                }
            }
        } catch (IOException e) {
            throw new ModelException(name + ": not a model bundle (a zip written by flowscore train), or a damaged"
                    + " one: " + e.getMessage(), e);
        }
        if (infoBytes == null || modelBytes == null) {
            throw new ModelException(name + ": not a model bundle (a zip written by flowscore train, holding "
                    + INFO_ENTRY + " and " + MODEL_ENTRY + ")");
        }
        ModelInfo info = parseInfo(infoBytes, name);
        checkUsable(info, name);
        return new ModelBundle(name, info, deserialize(modelBytes, name, info), modelBytes);
    }

    private static byte[] readEntry(ZipInputStream zip, String name, String entry, long max) throws IOException,
            ModelException {
        byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new ModelException(name + ": " + entry + " is larger than " + max + " bytes");
        }
        return bytes;
    }

    private static ModelInfo parseInfo(byte[] bytes, String name) throws ModelException {
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ModelException(name + ": " + INFO_ENTRY + " is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode format = tree == null ? null : tree.get("formatVersion");
        if (format == null || !format.canConvertToInt() || format.intValue() != FORMAT_VERSION) {
            throw new ModelException(name + ": bundle format " + (format == null ? "unknown" : format.asText())
                    + " is not the format " + FORMAT_VERSION + " this flowscore reads. Retrain the model with this"
                    + " flowscore: " + hint(tree));
        }
        try {
            return JSON.treeToValue(tree, ModelInfo.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelException(name + ": " + INFO_ENTRY + " is not a valid model description: "
                    + e.getMessage(), e);
        }
    }

    private static String hint(JsonNode tree) {
        try {
            // An empty or null model.json maps to no description at all.
            ModelInfo info = tree == null ? null : JSON.treeToValue(tree, ModelInfo.class);
            if (info != null) {
                return info.retrainCommand();
            }
        } catch (IOException | IllegalArgumentException e) {
            // Not a full description: the command is given from the algorithm alone.
        }
        JsonNode algorithm = tree == null ? null : tree.get("algorithm");
        return "flowscore train --algorithm " + (algorithm == null ? "ALGORITHM" : algorithm.asText())
                + " --data TRAINING-FILES --out MODEL.zip";
    }

    private static void checkUsable(ModelInfo info, String name) throws ModelException {
        if (Algorithm.byId(info.algorithm()) == null) {
            throw new ModelException(name + ": unknown algorithm '" + info.algorithm() + "' (this flowscore knows "
                    + Algorithm.names() + "). Retrain the model with this flowscore: " + info.retrainCommand());
        }
        String running = ModelInfo.currentSmileVersion();
        if (!running.equals(info.smileVersion())) {
            throw new ModelException(name + ": trained with Smile " + info.smileVersion() + ", but this flowscore"
                    + " runs Smile " + running + " and Smile models do not load across versions. Retrain it: "
                    + info.retrainCommand());
        }
        FeatureSet set = info.featureSet();
        if (set == null) {
            throw new ModelException(name + ": its features are neither the 41 NSL-KDD features nor the extended"
                    + " set of this flowscore, in order. Retrain it: " + info.retrainCommand());
        }
        if (set == FeatureSet.EXTENDED && info.extendedSettings() == null) {
            throw new ModelException(name + ": it reads the extended features but does not say how their windows"
                    + " were set. Retrain it: " + info.retrainCommand());
        }
    }

    private static Map<String, Object> deserialize(byte[] bytes, String name, ModelInfo info) throws ModelException {
        ModelInputFilter filter = new ModelInputFilter();
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter);
            read = in.readObject();
        } catch (InvalidClassException e) {
            if (filter.rejection() != null) {
                throw new ModelException(name + ": refusing to load " + MODEL_ENTRY + ": it holds "
                        + filter.rejection(), e);
            }
            throw notLoadable(name, info, e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw notLoadable(name, info, e);
        }
        if (!(read instanceof Map<?, ?> map) || !map.keySet().stream().allMatch(String.class::isInstance)) {
            throw new ModelException(name + ": " + MODEL_ENTRY + " does not hold a flowscore model (a map of named"
                    + " parts). Retrain it: " + info.retrainCommand());
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        map.forEach((k, v) -> parts.put((String) k, v));
        return parts;
    }

    private static ModelException notLoadable(String name, ModelInfo info, Exception e) {
        return new ModelException(name + ": " + MODEL_ENTRY + " cannot be read (" + e + "). Retrain it: "
                + info.retrainCommand(), e);
    }

    private static byte[] serialize(Map<String, Object> parts) throws ModelException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(parts);
        } catch (IOException e) {
            throw new ModelException("cannot serialise the model: " + e, e);
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
