package org.flowscore.labels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;
import org.flowscore.source.InputOpener;

/**
 * Reads Zeek {@code notice.log} files, TSV (header-driven, as Zeek writes them) or JSON lines. Only entries
 * with a connection {@code uid} label anything: many notices (address scans, for one) summarise several
 * connections and name none; they are counted.
 */
public final class NoticeReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What one file held.
     *
     * @param notices      entries with a uid
     * @param withoutUid   entries that name no connection
     * @param unreadable   lines that could not be read
     * @param firstProblem the first unreadable line's number and why; null when none was
     */
    public record Read(long notices, long withoutUid, long unreadable, String firstProblem) {
    }

    private NoticeReader() {
    }

    public static Read read(InputFile file, Consumer<ZeekNotice> sink) throws InputException {
        long notices = 0;
        long withoutUid = 0;
        long unreadable = 0;
        String firstProblem = null;
        String separator = "\t";
        String unset = "-";
        List<String> fields = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(InputOpener.open(file),
                StandardCharsets.UTF_8))) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.startsWith("#")) {
                    String[] directive = trimmed.split("[ \t]", 2);
                    String value = directive.length > 1 ? directive[1] : "";
                    switch (directive[0]) {
                        case "#separator" -> separator = unescape(value.strip());
                        case "#unset_field" -> unset = value.strip();
                        case "#fields" -> fields = Arrays.asList(value.split(Pattern.quote(separator), -1));
                        default -> { }
                    }
                    continue;
                }
                String uid;
                String note;
                if (trimmed.startsWith("{")) {
                    try {
                        JsonNode entry = JSON.readTree(trimmed);
                        uid = entry.path("uid").asText("");
                        note = entry.path("note").asText("");
                    } catch (JsonProcessingException e) {
                        unreadable++;
                        firstProblem = firstProblem != null ? firstProblem : "line " + number + ": not JSON";
                        continue;
                    }
                } else if (fields == null || !fields.contains("uid") || !fields.contains("note")) {
                    unreadable++;
                    firstProblem = firstProblem != null ? firstProblem : "line " + number
                            + ": no #fields header naming uid and note before it";
                    continue;
                } else {
                    String[] values = line.split(Pattern.quote(separator), -1);
                    int u = fields.indexOf("uid");
                    int n = fields.indexOf("note");
                    uid = u < values.length ? values[u] : "";
                    note = n < values.length ? values[n] : "";
                }
                if (uid.isEmpty() || uid.equals(unset)) {
                    withoutUid++;
                } else {
                    sink.accept(new ZeekNotice(uid, note.equals(unset) ? "" : note));
                    notices++;
                }
            }
        } catch (IOException e) {
            throw new InputException(file.displayName() + ": cannot read: " + e.getMessage(), e);
        }
        return new Read(notices, withoutUid, unreadable, firstProblem);
    }

    /** Zeek writes the separator as an escape: {@code \x09}. */
    private static String unescape(String value) {
        if (value.startsWith("\\x") && value.length() == 4) {
            return String.valueOf((char) Integer.parseInt(value.substring(2), 16));
        }
        return value;
    }
}
