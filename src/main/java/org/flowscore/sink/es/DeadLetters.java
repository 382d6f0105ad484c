package org.flowscore.sink.es;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The documents Elasticsearch refused for good (a mapping or parse error: retrying gives the same answer),
 * one NDJSON line each with the reason, so nothing is dropped silently and they can be fixed and resent.
 * The file is created on the first refusal and appended to, so an earlier run's lines are kept.
 */
final class DeadLetters implements AutoCloseable {
    private final Path path;
    private final JsonFactory json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private OutputStream out;

    DeadLetters(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** Writes and flushes one line: a dead letter must survive the process being killed next. */
    synchronized void write(String reason, int status, String index, String id, String document) {
        try {
            if (out == null) {
                out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            try (JsonGenerator g = json.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("reason", reason);
                g.writeNumberField("status", status);
                g.writeStringField("index", index);
                g.writeStringField("id", id);
                g.writeFieldName("document");
                g.writeRawValue(document);
                g.writeEndObject();
            }
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dead-letter file " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
