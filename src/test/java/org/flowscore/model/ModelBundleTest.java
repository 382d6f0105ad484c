package org.flowscore.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.features.NslKddReader;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
    private static final Path SHIPPED = Path.of(BuiltInModel.NSL_KDD.resource());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger CONSTRUCTED = new AtomicInteger();
    private static final AtomicInteger READ = new AtomicInteger();

    @TempDir
    Path tmp;

    /** Its constructor runs when an instance is deserialised (Parent is not serialisable). */
    static class Parent {
        Parent() {
            CONSTRUCTED.incrementAndGet();
        }
    }

    /** A class no model holds; deserialising it would run Parent() and readObject. */
    static final class Canary extends Parent implements Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            READ.incrementAndGet();
            in.defaultReadObject();
        }
    }

    @Test
    void roundTripGivesTheSameBytesAndScores() throws Exception {
        ModelBundle shipped = ModelBundle.open(SHIPPED);
        Path copy = tmp.resolve("copy.zip");
        shipped.write(copy);
        assertArrayEquals(Files.readAllBytes(SHIPPED), Files.readAllBytes(copy));
        Model a = shipped.model();
        Model b = ModelBundle.read(copy);
        assertEquals(a.info(), b.info());
        List<LabelledFeatures> rows = NslKddReader.readAll(SharedData.require("nsl-kdd/KDDTrain+_20Percent.txt"));
        for (LabelledFeatures row : rows.subList(0, 2000)) {
            double[] x = row.features().values();
            assertEquals(a.scorer().score(x), b.scorer().score(x));
        }
    }

    @Test
    void writingReplacesAnExistingFileAndNeedsItsFolder() throws Exception {
        Path target = tmp.resolve("model.zip");
        Files.writeString(target, "old");
        ModelBundle.open(SHIPPED).write(target);
        assertArrayEquals(Files.readAllBytes(SHIPPED), Files.readAllBytes(target));
        ModelException e = assertThrows(ModelException.class,
                () -> ModelBundle.open(SHIPPED).write(tmp.resolve("missing/model.zip")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void refusesAForeignClassWithoutRunningAnyOfItsCode() throws Exception {
        Canary canary = new Canary();
        int constructedBefore = CONSTRUCTED.get();
        Path bundle = withModel(Map.of("model", canary));
        ModelException e = assertThrows(ModelException.class, () -> ModelBundle.read(bundle));
        assertTrue(e.getMessage().contains("refusing to load model.ser: it holds class " + Canary.class.getName()),
                e.getMessage());
        assertEquals(constructedBefore, CONSTRUCTED.get(), "Parent() ran");
        assertEquals(0, READ.get(), "readObject ran");
    }

    @Test
    void refusesAUrlEvenInsideACollection() throws Exception {
        List<Object> list = new ArrayList<>();
        list.add(URI.create("http://example.invalid/").toURL());
        ModelException e = assertThrows(ModelException.class,
                () -> ModelBundle.read(withModel(Map.of("model", list))));
        assertTrue(e.getMessage().contains("it holds class java.net.URL, which is not part of a Smile model"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith(tmp.toString()), e.getMessage());
    }

    @Test
    void refusesAnotherSmileVersionWithTheRetrainCommand() throws Exception {
        Path bundle = withInfo(info -> info.put("smileVersion", "6.2.4"));
        ModelException e = assertThrows(ModelException.class, () -> ModelBundle.read(bundle));
        assertEquals(bundle + ": trained with Smile 6.2.4, but this flowscore runs Smile "
                + ModelInfo.currentSmileVersion() + " and Smile models do not load across versions. Retrain it:"
                + " flowscore train --algorithm random-forest --data ../shared/data/nsl-kdd/KDDTrain+.txt"
                + " --out MODEL.zip", e.getMessage());
    }

    @Test
    void refusesOtherFeatures() throws Exception {
        Path bundle = withInfo(info -> ((ArrayNode) info.get("features")).remove(40));
        ModelException e = assertThrows(ModelException.class, () -> ModelBundle.read(bundle));
        assertTrue(e.getMessage().contains("its features are neither the 41 NSL-KDD features nor the extended set"), e.getMessage());
        assertTrue(e.getMessage().contains("Retrain it: flowscore train --algorithm random-forest"), e.getMessage());
    }

    @Test
    void refusesAnUnknownFormatOrAlgorithm() throws Exception {
        ModelException format = assertThrows(ModelException.class,
                () -> ModelBundle.read(withInfo(info -> info.put("formatVersion", 2))));
        assertTrue(format.getMessage().contains("bundle format 2 is not the format 1"), format.getMessage());
        assertTrue(format.getMessage().contains("flowscore train --algorithm random-forest"), format.getMessage());
        Path svm = withInfo(info -> info.put("algorithm", "svm"));
        ModelException algorithm = assertThrows(ModelException.class, () -> ModelBundle.read(svm));
        assertTrue(algorithm.getMessage().startsWith(svm + ": unknown algorithm 'svm'"), algorithm.getMessage());
    }

    @Test
    void refusesPartsThatDoNotFitTheAlgorithm() throws Exception {
        Path bundle = withModel(Map.of("model", "not a forest"));
        ModelException e = assertThrows(ModelException.class, () -> ModelBundle.read(bundle));
        assertTrue(e.getMessage().startsWith(bundle + ": model.ser does not hold a usable random-forest model"),
                e.getMessage());
    }

    @Test
    void damagedOrMissingFilesAreClearErrors() throws Exception {
        Path text = tmp.resolve("notes.zip");
        Files.writeString(text, "this is not a zip file\n");
        assertMessage(text + ": not a model bundle (a zip written by flowscore train, holding model.json and"
                + " model.ser)", text);
        byte[] shipped = Files.readAllBytes(SHIPPED);
        Path truncated = tmp.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(shipped, shipped.length / 2));
        ModelException e = assertThrows(ModelException.class, () -> ModelBundle.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated + ": not a model bundle"), e.getMessage());
        Path onlyJson = zip(Map.of("model.json", entry("model.json")));
        assertMessage(onlyJson + ": not a model bundle (a zip written by flowscore train, holding model.json and"
                + " model.ser)", onlyJson);
        assertMessage(tmp.resolve("none.zip") + ": no such model file", tmp.resolve("none.zip"));
        assertMessage(tmp + ": is a folder, not a model bundle (a .zip written by flowscore train)", tmp);
        Path badJson = zip(Map.of("model.json", "{".getBytes(), "model.ser", entry("model.ser")));
        e = assertThrows(ModelException.class, () -> ModelBundle.read(badJson));
        assertTrue(e.getMessage().startsWith(badJson + ": model.json is not valid JSON"), e.getMessage());
    }

    private void assertMessage(String expected, Path file) {
        ModelException e = assertThrows(ModelException.class, () -> ModelBundle.read(file));
        assertEquals(expected, e.getMessage());
    }

    /** The shipped bundle with model.json edited. */
    private Path withInfo(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode info = (ObjectNode) JSON.readTree(entry("model.json"));
        edit.accept(info);
        return zip(Map.of("model.json", JSON.writeValueAsBytes(info), "model.ser", entry("model.ser")));
    }

    /** The shipped model.json with model.ser holding {@code parts}. */
    private Path withModel(Map<String, Object> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new LinkedHashMap<>(parts));
        }
        return zip(Map.of("model.json", entry("model.json"), "model.ser", bytes.toByteArray()));
    }

    private static byte[] entry(String name) throws IOException {
        try (ZipFile zip = new ZipFile(SHIPPED.toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path file = Files.createTempFile(tmp, "bundle", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }
}
