package org.flowscore.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.flowscore.flow.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTableTest {
    private static final ServiceTable TABLE = ServiceTable.bundled();
    private static final int PRIVATE_MAX = 1023;

    private static String tcp(int port, String detected) {
        return name(Transport.TCP, 50000, port, detected);
    }

    private static String udp(int port, String detected) {
        return name(Transport.UDP, 50000, port, detected);
    }

    private static String icmp(int type, int code) {
        return name(Transport.ICMP, type, code, null);
    }

    private static String name(Transport t, int sport, int dport, String detected) {
        return KddSchema.SERVICES.get(TABLE.index(t, sport, dport, detected, PRIVATE_MAX));
    }

    @Test
    void portRows() {
        assertEquals("http", tcp(80, null));
        assertEquals("http", tcp(8008, null));
        assertEquals("http", tcp(8080, null));
        assertEquals("http_443", tcp(443, null));
        assertEquals("http_8001", tcp(8001, null));
        assertEquals("http_2784", tcp(2784, null));
        assertEquals("imap4", tcp(993, null));
        assertEquals("ldap", tcp(636, null));
        assertEquals("printer", tcp(515, null));
        assertEquals("whois", tcp(43, null));
        assertEquals("ftp_data", tcp(20, null));
        assertEquals("domain", tcp(53, null));
        assertEquals("domain_u", udp(53, null));
        assertEquals("tftp_u", udp(69, null));
        assertEquals("ntp_u", udp(123, null));
    }

    @Test
    void rangeRowsCoverBothEnds() {
        assertEquals("X11", tcp(6000, null));
        assertEquals("X11", tcp(6031, null));
        assertEquals("X11", tcp(6063, null));
        assertEquals("other", tcp(6064, null));
        assertEquals("remote_job", tcp(71, null));
        assertEquals("remote_job", tcp(74, null));
    }

    @Test
    void portRowsAreKeyedByTransport() {
        assertEquals("private", udp(80, null));
        assertEquals("private", name(Transport.SCTP, 50000, 80, null));
    }

    @Test
    void icmpRowsByTypeAndCode() {
        assertEquals("eco_i", icmp(8, 0));
        assertEquals("ecr_i", icmp(0, 0));
        assertEquals("red_i", icmp(5, 1));
        assertEquals("tim_i", icmp(11, 0));
        assertEquals("urp_i", icmp(3, 3));
        assertEquals("urh_i", icmp(3, 1));
        assertEquals("other", icmp(3, 0));
        assertEquals("other", icmp(13, 0));
        assertEquals("eco_i", name(Transport.ICMPV6, 128, 0, null));
        assertEquals("urp_i", name(Transport.ICMPV6, 1, 4, null));
        assertEquals("other", name(Transport.ICMPV6, 135, 0, null));
    }

    @Test
    void detectedProtocolFillsUnlistedPorts() {
        assertEquals("http", tcp(8888, "http"));
        assertEquals("http_443", tcp(8443, "ssl"));
        assertEquals("http_443", tcp(8443, "tls"));
        assertEquals("domain", tcp(5353, "dns"));
        assertEquals("domain_u", udp(5353, "dns"));
        assertEquals("ssh", tcp(2222, "ssh"));
        assertEquals("smtp", tcp(587, "smtp"));
        assertEquals("IRC", tcp(7000, "irc"));
        assertEquals("imap4", tcp(1143, "imap"));
        assertEquals("pop_3", tcp(1110, "pop3"));
        assertEquals("ntp_u", udp(1123, "ntp"));
        assertEquals("netbios_ssn", tcp(445, "smb"));
        assertEquals("ldap", tcp(3268, "ldap_tcp"));
    }

    @Test
    void theFirstListedProtocolWithARowWins() {
        assertEquals("http_443", tcp(9000, "ssl,http"));
        assertEquals("http", tcp(9000, "http,ssl"));
        assertEquals("netbios_ssn", tcp(445, "smb,gssapi,krb"));
        assertEquals("http", tcp(9000, "krb, HTTP"));
    }

    @Test
    void thePortTableBeatsTheDetectedProtocol() {
        assertEquals("http", tcp(80, "ssl"));
        assertEquals("smtp", tcp(25, "http"));
    }

    @Test
    void ftpDataWinsEvenOverThePortTable() {
        assertEquals("ftp_data", tcp(80, "ftp-data"));
        assertEquals("ftp_data", tcp(51234, "ftp-data"));
        assertEquals("ftp_data", tcp(51234, "http,ftp-data"));
    }

    @Test
    void unrecognisedProtocolsAreIgnored() {
        assertEquals("other", tcp(8443, "failed"));
        assertEquals("other", tcp(8443, "-ssl"));
        assertEquals("other", tcp(8443, "-"));
        assertEquals("other", tcp(8443, ""));
        assertEquals("private", udp(161, "snmp"));
        assertEquals("other", udp(5353, "dns-over-carrier-pigeon"));
    }

    @Test
    void unlistedPortsArePrivateUpToTheLimitThenOther() {
        assertEquals("private", udp(161, null));
        assertEquals("private", tcp(1023, null));
        assertEquals("other", tcp(1024, null));
        assertEquals("private", tcp(0, null));
        assertEquals("private", name(Transport.SCTP, 50000, 1000, null));
        assertEquals("other", KddSchema.SERVICES.get(TABLE.index(Transport.TCP, 50000, 1000, null, 999)));
        assertEquals("private", KddSchema.SERVICES.get(TABLE.index(Transport.TCP, 50000, 49152, null, 65535)));
        assertEquals("other", KddSchema.SERVICES.get(TABLE.index(Transport.TCP, 50000, 0, null, -1)));
        assertEquals("other", name(Transport.OTHER, 0, 0, null));
    }

    @Test
    void everyNameWithAWellKnownPortIsInTheTables() {
        Set<String> missing = new TreeSet<>(KddSchema.SERVICES);
        missing.removeAll(TABLE.servicesInTables());
        assertEquals(Set.of("other", "private", "harvest", "pm_dump"), missing);
        assertTrue(KddSchema.SERVICES.containsAll(TABLE.servicesInTables()));
    }

    @Test
    void everyResultIsAVocabularyIndex() {
        for (Transport t : Transport.values()) {
            for (int port = 0; port < 65536; port += 7) {
                int i = TABLE.index(t, port & 0xFF, port, port % 3 == 0 ? "http" : null, PRIVATE_MAX);
                assertTrue(i >= 0 && i < KddSchema.SERVICES.size(), t + " " + port);
            }
        }
    }

    @Test
    void aUserTableReplacesTheBundledPorts(@TempDir Path dir) throws IOException {
        Path ports = dir.resolve("ports.tsv");
        Files.writeString(ports, "# mine\ntcp\t8443\thttp_443   # internal web\ntcp  9000-9001  ssh\n");
        ServiceTable mine = ServiceTable.load(ports);
        assertEquals("http_443", KddSchema.SERVICES.get(mine.index(Transport.TCP, 1, 8443, null, 1023)));
        assertEquals("ssh", KddSchema.SERVICES.get(mine.index(Transport.TCP, 1, 9001, null, 1023)));
        assertEquals("private", KddSchema.SERVICES.get(mine.index(Transport.TCP, 1, 80, null, 1023)));
        assertEquals("http", KddSchema.SERVICES.get(mine.index(Transport.TCP, 1, 80, "http", 1023)));

        Path fallbacks = dir.resolve("fallbacks.tsv");
        Files.writeString(fallbacks, "quic\tudp\thttp_443\n");
        ServiceTable both = ServiceTable.load(ports, fallbacks);
        assertEquals("http_443", KddSchema.SERVICES.get(both.index(Transport.UDP, 1, 443, "quic", 1023)));
        assertEquals("other", KddSchema.SERVICES.get(both.index(Transport.TCP, 1, 8080, "http", 1023)));
    }

    @Test
    void badTableLinesAreNamed(@TempDir Path dir) throws IOException {
        assertBad(dir, "tcp\t80\thttp\n# fine so far\ntcp\t81\thtp\n", ":3: unknown service 'htp'");
        assertBad(dir, "tcp\t80\n", ":1: expected 3 columns, got 2");
        assertBad(dir, "tpc\t80\thttp\n", ":1: unknown transport 'tpc'");
        assertBad(dir, "tcp\t65536\thttp\n", ":1: port must be 0-65535, got '65536'");
        assertBad(dir, "tcp\t90-80\thttp\n", ":1: empty port range '90-80'");
        assertBad(dir, "tcp\t80\thttp\ntcp\t79-81\tfinger\n", ":2: TCP 80 is already mapped on line 1");
        assertBad(dir, "icmp\t8\teco_i\n", ":1: ICMP rows need type:code");
        assertBad(dir, "icmp\t3:256\turp_i\n", ":1: ICMP code must be 0-255");
        assertBad(dir, "other\t1\thttp\n", ":1: unknown transport 'other' (use tcp, udp, sctp, icmp or icmp6)");
    }

    @Test
    void badFallbackLinesAreNamed(@TempDir Path dir) throws IOException {
        Path ports = dir.resolve("ports.tsv");
        Files.writeString(ports, "tcp\t80\thttp\n");
        Path fallbacks = dir.resolve("fallbacks.tsv");
        Files.writeString(fallbacks, "http\ttcp\thttp\nssl\ttcp\thttps\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceTable.load(ports, fallbacks));
        assertEquals(fallbacks + ":2: unknown service 'https' (not one of the 70 NSL-KDD services)", e.getMessage());
        Files.writeString(fallbacks, "ftp-data\ttcp\tftp_data\tfirst\n");
        e = assertThrows(IllegalArgumentException.class, () -> ServiceTable.load(ports, fallbacks));
        assertTrue(e.getMessage().startsWith(fallbacks + ":1: the optional 4th column can only be 'override'"));
        Files.writeString(fallbacks, "dns\t*\tdomain\ndns\tudp\tdomain_u\n");
        e = assertThrows(IllegalArgumentException.class, () -> ServiceTable.load(ports, fallbacks));
        assertTrue(e.getMessage().startsWith(fallbacks + ":2: dns UDP is already mapped on line 1"), e.getMessage());
    }

    private static void assertBad(Path dir, String content, String expected) throws IOException {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServiceTable.load(file));
        assertTrue(e.getMessage().startsWith(file + expected), e.getMessage());
    }
}
