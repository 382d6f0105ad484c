package org.flowscore.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscore.flow.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The minimal allowlist: entries of src/dst/port conditions, mistakes named by line. */
class AllowlistTest {
    @TempDir
    Path tmp;

    @Test
    void everyConditionOfAnEntryMustHoldAndTheFirstEntryWins() throws Exception {
        Path file = tmp.resolve("allow.txt");
        Files.writeString(file, """
                # the site's proxy and push service
                src=10.1.0.0/16 dst=10.1.2.3 port=3128   # every client talks to the proxy

                dst=17.0.0.0/8,2620:149::/32 port=5223    # Apple push
                port=123
                """);
        Allowlist list = Allowlist.read(file);
        assertEquals(3, list.entries().size());
        Connection proxy = SiteConnections.zeek("C1", "10.1.7.7", 50000, "10.1.2.3", 3128, 0);
        Connection elsewhere = SiteConnections.zeek("C2", "10.2.7.7", 50000, "10.1.2.3", 3128, 0);
        Connection push6 = SiteConnections.zeek("C3", "fd00::5", 50000, "2620:149::1", 5223, 0);
        Connection ntp = SiteConnections.zeek("C4", "10.2.7.7", 123, "192.0.2.1", 123, 0);
        assertEquals(2, list.match(proxy).line());
        assertEquals("allowlist line 2: every client talks to the proxy", list.match(proxy).describe());
        assertNull(list.match(elsewhere), "source outside 10.1.0.0/16");
        assertEquals(4, list.match(push6).line());
        assertEquals("allowlist line 5", list.match(ntp).describe());
    }

    @Test
    void aMistakeNamesTheFileAndLine() throws Exception {
        Path file = tmp.resolve("allow.txt");
        Files.writeString(file, "src=10.0.0.0/8\nsrc=10.0.0.0/8 proto=tcp  # what\n");
        LabelException e = assertThrows(LabelException.class, () -> Allowlist.read(file));
        assertEquals(file + " line 2: unknown key 'proto': use src, dst or port", e.getMessage());
        Files.writeString(file, "port=70000\n");
        assertEquals(file + " line 1: port '70000' is not a port number (0-65535)",
                assertThrows(LabelException.class, () -> Allowlist.read(file)).getMessage());
        Files.writeString(file, "dst=10.0.0.300\n");
        assertThrows(LabelException.class, () -> Allowlist.read(file));
        assertEquals(file.resolveSibling("none.txt") + ": no such allowlist file", assertThrows(LabelException.class,
                () -> Allowlist.read(file.resolveSibling("none.txt"))).getMessage());
    }
}
