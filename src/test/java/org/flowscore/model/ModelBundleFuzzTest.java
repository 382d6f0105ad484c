package org.flowscore.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.flowscore.testing.FuzzInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of the model bundle loader (docs/fuzzing.md): raw bytes as a bundle file, and bundles
 * whose model.json is the shipped model's (so the fuzzer reaches the deserialiser) with any model.ser. Any of
 * them loads or is refused with a {@link ModelException}, never another exception.
 */
class ModelBundleFuzzTest {
    private static final byte[] SHIPPED_INFO = shippedEntry(ModelBundle.INFO_ENTRY);

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "30s")
    void bundleFile(FuzzedDataProvider data) {
        byte[] file = data.consumeBoolean()
                ? zip(data.consumeBoolean() ? SHIPPED_INFO : data.consumeBytes(2048), data.consumeRemainingAsBytes())
                : data.consumeRemainingAsBytes();
        open(file);
    }

    @Test
    void aBundleWithABadDescriptionIsRefusedBeforeItsModelIsRead() {
        // model.ser here is a Java stream that would fail at once if read; the refusal must be about model.json.
        byte[] ser = {(byte) 0xAC, (byte) 0xED, 0, 5, 0x73, 0x72};
        String otherSmile = new String(SHIPPED_INFO, StandardCharsets.UTF_8)
                .replaceFirst("\"smileVersion\" : \"[^\"]*\"", "\"smileVersion\" : \"1.0.0\"");
        ModelException refused = assertThrows(ModelException.class,
                () -> ModelBundle.open(FuzzInputs.write(dir.resolve("old.zip"), zip(otherSmile.getBytes(), ser))));
        assertTrue(refused.getMessage().contains("trained with Smile 1.0.0"), refused.getMessage());
        assertThrows(ModelException.class, () -> ModelBundle.open(FuzzInputs.write(dir.resolve("garbage.zip"),
                zip("{\"formatVersion\":1}".getBytes(), ser))));
    }

    /** Found by the fuzzer: an empty model.json made the refusal's own hint throw a NullPointerException. */
    @Test
    void anEmptyOrNullDescriptionIsRefusedWithTheRetrainCommand() {
        for (String info : new String[] {"", "null"}) {
            ModelException refused = assertThrows(ModelException.class, () -> ModelBundle.open(
                    FuzzInputs.write(dir.resolve("empty.zip"), zip(info.getBytes(), new byte[0]))));
            assertTrue(refused.getMessage().contains("flowscore train --algorithm ALGORITHM"), refused.getMessage());
        }
    }

    @Test
    void theShippedModelAndItsCutsHoldTheInvariant() throws Exception {
        byte[] shipped = java.nio.file.Files.readAllBytes(Path.of(BuiltInModel.NSL_KDD.resource()));
        for (int cut = 0; cut < shipped.length; cut += Math.max(1, shipped.length / 40)) {
            open(java.util.Arrays.copyOf(shipped, cut));
        }
        byte[] ser = shippedEntry(ModelBundle.MODEL_ENTRY);
        for (int cut = 0; cut < ser.length; cut += Math.max(1, ser.length / 40)) {
            open(zip(SHIPPED_INFO, java.util.Arrays.copyOf(ser, cut)));
        }
    }

    private static void open(byte[] file) {
        Path path = FuzzInputs.write(dir.resolve("model.zip"), file);
        try {
            ModelBundle.open(path);
        } catch (ModelException refused) {
            // Not a bundle, a damaged one or one this flowscore cannot use: refused with a message.
        } finally {
            path.toFile().delete();
        }
    }

    private static byte[] zip(byte[] info, byte[] ser) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(ModelBundle.INFO_ENTRY));
            zip.write(info);
            zip.putNextEntry(new ZipEntry(ModelBundle.MODEL_ENTRY));
            zip.write(ser);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] shippedEntry(String name) {
        try (InputStream in = java.nio.file.Files.newInputStream(Path.of(BuiltInModel.NSL_KDD.resource()));
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return zip.readAllBytes();
                }
            }
            throw new IllegalStateException("no " + name + " in " + BuiltInModel.NSL_KDD.resource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
