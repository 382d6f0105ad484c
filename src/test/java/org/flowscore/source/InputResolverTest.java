package org.flowscore.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputResolverTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderYieldsItsConnectionLogsInPathOrder() throws IOException, InputException {
        for (String f : List.of("2024-04-20/conn.00:00:00-01:00:00.log.gz", "2024-04-19/conn.23:00:00-00:00:00.log.gz",
                "2024-04-19/dns.00:00:00-01:00:00.log.gz", "2024-04-19/conn.00:00:00-01:00:00.log.gz",
                "current/conn.log", "current/http.log", "suricata/eve.json", "suricata/eve.json.1",
                "iot/conn.log.labeled")) {
            Path p = tmp.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "");
        }
        List<String> names = InputResolver.resolve(List.of(tmp.toString())).stream()
                .map(i -> tmp.relativize(i.path()).toString()).toList();
        assertEquals(List.of("2024-04-19/conn.00:00:00-01:00:00.log.gz", "2024-04-19/conn.23:00:00-00:00:00.log.gz",
                "2024-04-20/conn.00:00:00-01:00:00.log.gz", "current/conn.log", "iot/conn.log.labeled",
                "suricata/eve.json", "suricata/eve.json.1"), names);
    }

    @Test
    void rotatedNamesCountAsConnectionLogs() {
        for (String name : List.of("eve.json.1", "eve.json.2.gz", "eve.json-20240101.gz", "eve.json-20240101",
                "conn.log-20240101.gz", "conn.2024-05-01-13-00-00.log")) {
            assertTrue(InputResolver.isConnectionLogName(name), name);
        }
        assertFalse(InputResolver.isConnectionLogName("dns.log-20240101.gz"));
    }

    @Test
    void globsMatchAcrossFoldersAndStdinIsDash() throws IOException, InputException {
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("b"));
        Files.writeString(tmp.resolve("a/conn.1.log"), "");
        Files.writeString(tmp.resolve("b/conn.2.log"), "");
        Files.writeString(tmp.resolve("b/dns.2.log"), "");
        List<InputFile> r = InputResolver.resolve(List.of(tmp + "/*/conn.*.log", "-"));
        assertEquals(List.of(new InputFile(tmp.resolve("a/conn.1.log")), new InputFile(tmp.resolve("b/conn.2.log")),
                InputFile.STDIN), r);
    }

    @Test
    void explicitFilesAreReadWhateverTheirName() throws IOException, InputException {
        Files.writeString(tmp.resolve("whatever.txt"), "");
        assertEquals(1, InputResolver.resolve(List.of(tmp.resolve("whatever.txt").toString())).size());
    }

    @Test
    void clearErrorsNameWhatIsMissing() {
        InputException missing = assertThrows(InputException.class,
                () -> InputResolver.resolve(List.of(tmp.resolve("nope.log").toString())));
        assertEquals(tmp.resolve("nope.log") + ": no such file or folder", missing.getMessage());
        InputException noMatch = assertThrows(InputException.class,
                () -> InputResolver.resolve(List.of(tmp + "/*.gz")));
        assertEquals(tmp + "/*.gz: no file matches this pattern", noMatch.getMessage());
        InputException empty = assertThrows(InputException.class,
                () -> InputResolver.resolve(List.of(tmp.toString())));
        assertTrue(empty.getMessage().contains("holds no connection logs"));
    }

    @Test
    void connectionLogNames() {
        assertTrue(InputResolver.isConnectionLogName("conn.log"));
        assertTrue(InputResolver.isConnectionLogName("conn.2024-04-19-00-00-00.log"));
        assertTrue(InputResolver.isConnectionLogName("open_conn.log"));
        assertTrue(InputResolver.isConnectionLogName("eve.json.3.gz"));
        assertFalse(InputResolver.isConnectionLogName("dns.log"));
        assertFalse(InputResolver.isConnectionLogName("http.2024-04-19.log.gz"));
    }
}
