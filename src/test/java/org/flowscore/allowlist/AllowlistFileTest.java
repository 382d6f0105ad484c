package org.flowscore.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allowlist files as people write them: which flows each kind of entry covers, worked out by hand; every mistake
 * named with its file and line; the shipped example; and a watched file reloaded when it changes, a broken edit
 * leaving the previous list in force.
 */
class AllowlistFileTest {
    private static final long APRIL_19 = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2024-04-19T12:00:00Z"));

    @TempDir
    Path tmp;

    private Path file(String yaml) throws IOException {
        return Files.writeString(tmp.resolve("allowlist.yml"), yaml);
    }

    private static Connection flow(String source, String destination, int port, Transport transport, String service,
                                   long startMicros) {
        return new Connection(startMicros, 1_000, "C1", FlowKey.of(source, 51_000, destination, port, transport),
                service, new Traffic(10, 1, 50), new Traffic(10, 1, 50), 0, "SF", "ShADadFf", null, null, 0, false,
                "1:x", SourceFormat.ZEEK_TSV, "test", null);
    }

    private static Connection flow(String source, String destination, int port) {
        return flow(source, destination, port, Transport.TCP, null, APRIL_19);
    }

    private static String matched(Allowlist list, Connection c) {
        AllowlistEntry e = list.match(c);
        return e == null ? null : e.id();
    }

    @Test
    void eachKindOfEntryCoversWhatItSays() throws Exception {
        Allowlist list = AllowlistFile.read(file("""
                # the backup server's nightly upload
                - id: backup
                  comment: offsite backup (OPS-412)
                  source: 10.0.5.20
                  destination: 203.0.113.0/24
                  port: 443
                - id: scanner
                  comment: our vulnerability scanner
                  source: 10.9.0.0/16
                - id: dns
                  comment: resolvers
                  service: DNS
                - id: monitoring
                  comment: uptime checks reach the web servers
                  destination: 2001:db8:80::/48
                  port: 80
                  expires: 2024-04-19
                """));
        assertEquals(List.of("backup", "scanner", "dns", "monitoring"),
                list.entries().stream().map(AllowlistEntry::id).toList());
        assertEquals(List.of(2, 7, 10, 13), list.entries().stream().map(AllowlistEntry::line).toList());

        assertEquals("backup", matched(list, flow("10.0.5.20", "203.0.113.77", 443)), "the pair and the port");
        assertNull(matched(list, flow("10.0.5.20", "203.0.113.77", 80)), "another port");
        assertNull(matched(list, flow("10.0.5.21", "203.0.113.77", 443)), "another source");
        assertNull(matched(list, flow("203.0.113.77", "10.0.5.20", 443)), "the pair the other way round");
        assertEquals("scanner", matched(list, flow("10.9.200.1", "192.0.2.1", 3389)));
        assertNull(matched(list, flow("10.10.0.1", "192.0.2.1", 3389)), "outside the /16");
        assertEquals("dns", matched(list, flow("192.0.2.1", "10.0.0.53", 53, Transport.UDP, "dns", APRIL_19)));
        assertEquals("dns", matched(list, flow("192.0.2.1", "10.0.0.53", 853, Transport.TCP, "ssl,dns", APRIL_19)),
                "any of the services Zeek lists");
        assertNull(matched(list, flow("192.0.2.1", "10.0.0.53", 53, Transport.UDP, null, APRIL_19)), "none detected");
        assertEquals("monitoring", matched(list, flow("2001:db8:80::1", "2001:db8:80:1::7", 80)));
        assertNull(matched(list, flow("2001:db8:80::1", "2001:db8:81::7", 80)));
        assertNull(matched(list, flow("2001:db8:80::1", "2001:db8:80::7", 80, Transport.TCP, null,
                APRIL_19 + 12L * 3600 * 1_000_000)), "started once the day it expires on was over");
        assertNull(matched(list, flow("10.0.5.20", "203.0.113.77", 443, Transport.ICMP, null, APRIL_19)),
                "ICMP has no ports: the type in the port field is not port 443");
        assertEquals("scanner", matched(list, flow("10.9.0.1", "10.9.0.2", 1)), "the first entry that covers it");
        assertEquals(0, list.expiredBefore(APRIL_19));
        assertEquals(1, list.expiredBefore(APRIL_19 + 12L * 3600 * 1_000_000));
    }

    @Test
    void anInstantExpiresAtThatInstant() throws Exception {
        Allowlist list = AllowlistFile.read(file("""
                - id: change-window
                  comment: migration traffic
                  source: 10.0.0.1
                  expires: 2024-04-19T12:00:00Z
                """));
        assertEquals("change-window", matched(list, flow("10.0.0.1", "10.0.0.2", 22, Transport.TCP, null, APRIL_19 - 1)));
        assertNull(matched(list, flow("10.0.0.1", "10.0.0.2", 22, Transport.TCP, null, APRIL_19)));
    }

    @Test
    void anEmptyFileAllowsNothing() throws Exception {
        assertEquals(List.of(), AllowlistFile.read(file("# nothing yet\n")).entries());
    }

    private String mistake(String yaml) throws IOException {
        Path f = file(yaml);
        return assertThrows(AllowlistException.class, () -> AllowlistFile.read(f)).getMessage()
                .replace(f.toString(), "FILE");
    }

    @Test
    void everyMistakeIsNamedWithItsLine() throws Exception {
        String entry = "- id: a\n  comment: c\n";
        assertEquals("allowlist FILE:4: unknown key 'sorce'; an entry has id, comment, source, destination, port,"
                + " service, expires", mistake(entry + "  source: 10.0.0.1\n  sorce: 10.0.0.2\n"));
        assertEquals("allowlist FILE:3: source: '10.0.0.300' is not an address or a range: write e.g. 192.0.2.7,"
                + " 10.0.0.0/8 or 2001:db8::/32", mistake(entry + "  source: 10.0.0.300\n"));
        assertEquals("allowlist FILE:3: destination: '10.0.0.0/33': the prefix length must be 0-32",
                mistake(entry + "  destination: 10.0.0.0/33\n"));
        assertEquals("allowlist FILE:3: port: 'https' is not a port number (0-65535)", mistake(entry + "  port: https\n"));
        assertEquals("allowlist FILE:4: expires: 'next week' is neither a date (2025-06-30) nor an instant"
                + " (2025-06-30T18:00:00Z)", mistake(entry + "  port: 1\n  expires: next week\n"));
        assertEquals("allowlist FILE:1: entry 'a' covers every flow: give a source, destination, port or service",
                mistake(entry));
        assertEquals("allowlist FILE:4: entry 'b' has no 'comment': say why this traffic is wanted",
                mistake(entry + "  port: 1\n- id: b\n  port: 2\n"));
        assertEquals("allowlist FILE:1: the entry has no 'id' (what the flows it covers are marked with)",
                mistake("- comment: c\n  port: 1\n"));
        assertEquals("allowlist FILE:4: id 'a' is already used on line 1", mistake(entry + "  port: 1\n" + entry
                + "  port: 2\n"));
        assertEquals("allowlist FILE:1: 'a b' is not an id: letters, digits and _ . : - (up to 128), starting with a"
                + " letter or digit", mistake("- id: a b\n  comment: c\n  port: 1\n"));
        assertEquals("allowlist FILE:3: 'port' needs a value", mistake(entry + "  port:\n"));
        assertEquals("allowlist FILE:1: expected a list of entries, each starting with '- id: ...'",
                mistake("id: a\ncomment: c\n"));
        assertEquals("allowlist FILE:2: an entry is a set of 'key: value' lines (id, comment, source, destination,"
                + " port, service, expires)", mistake("- {id: a, comment: c, port: 1}\n- 42\n"));
        assertEquals("allowlist FILE:4: not valid YAML: expected ',' or ']', but got <stream end> (while parsing a flow"
                + " sequence)", mistake(entry + "  port: [1\n"));
        assertEquals("allowlist FILE:4: not valid YAML: expected <block end>, but found '<block mapping start>' (while"
                + " parsing a block collection)", mistake(entry + "  port: 1\n port: 2\n"));
    }

    @Test
    void theExampleShippedInConfigReads() throws Exception {
        Allowlist list = AllowlistFile.read(Path.of("config", "allowlist.yml"));
        assertEquals(4, list.entries().size());
    }

    @Test
    void aWatchedFileIsReadAgainWhenItChangesAndABrokenEditKeepsThePreviousList() throws Exception {
        Path f = file("- id: a\n  comment: c\n  port: 22\n");
        WatchedAllowlist watched = WatchedAllowlist.open(f);
        assertEquals(List.of("a"), watched.current().entries().stream().map(AllowlistEntry::id).toList());
        assertInstanceOf(WatchedAllowlist.Reload.Unchanged.class, watched.reloadIfChanged());

        // An editor that saves by writing a new file and renaming it over the old one.
        Path edit = tmp.resolve("allowlist.yml.new");
        Files.writeString(edit, "- id: a\n  comment: c\n  port: 22\n- id: b\n  comment: d\n  port: 23\n");
        Files.move(edit, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        var reloaded = assertInstanceOf(WatchedAllowlist.Reload.Reloaded.class, watched.reloadIfChanged());
        assertSame(reloaded.allowlist(), watched.current());
        assertEquals(2, watched.current().entries().size());

        Allowlist inForce = watched.current();
        Files.writeString(f, "- id: a\n  comment: c\n  port: 22\n- id: b\n  comment: d\n  port: twenty-three\n");
        var refused = assertInstanceOf(WatchedAllowlist.Reload.Refused.class, watched.reloadIfChanged());
        assertEquals("allowlist " + f + ":6: port: 'twenty-three' is not a port number (0-65535); the previous list"
                + " stays in force", refused.reason());
        assertSame(inForce, watched.current());
        assertInstanceOf(WatchedAllowlist.Reload.Unchanged.class, watched.reloadIfChanged(), "reported once");

        Files.delete(f);
        assertInstanceOf(WatchedAllowlist.Reload.Refused.class, watched.reloadIfChanged());
        assertSame(inForce, watched.current());
        Files.writeString(f, "- id: c\n  comment: e\n  service: ssh\n");
        assertInstanceOf(WatchedAllowlist.Reload.Reloaded.class, watched.reloadIfChanged());
        assertEquals("c", watched.current().entries().getFirst().id());
    }
}
