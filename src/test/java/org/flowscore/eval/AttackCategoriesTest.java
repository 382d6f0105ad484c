package org.flowscore.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flowscore.features.NslKddReader;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AttackCategoriesTest {
    /** The names only the test sets use, as data/README.md lists them. */
    private static final Set<String> TEST_ONLY = Set.of("apache2", "httptunnel", "mailbomb", "mscan", "named",
            "processtable", "ps", "saint", "sendmail", "snmpgetattack", "snmpguess", "sqlattack", "udpstorm",
            "worm", "xlock", "xsnoop", "xterm");

    private static Set<String> trainingAttacks;
    private static Set<String> allAttacks;

    @BeforeAll
    static void readLabels() throws IOException {
        trainingAttacks = attackLabels("nsl-kdd/KDDTrain+.txt");
        allAttacks = new TreeSet<>(trainingAttacks);
        allAttacks.addAll(attackLabels("nsl-kdd/KDDTest+.txt"));
    }

    @Test
    void everyNslKddAttackNameHasACategory() {
        assertEquals(22, trainingAttacks.size());
        assertEquals(39, allAttacks.size());
        Set<String> testOnly = new TreeSet<>(allAttacks);
        testOnly.removeAll(trainingAttacks);
        assertEquals(new TreeSet<>(TEST_ONLY), testOnly);
        for (String label : allAttacks) {
            assertTrue(AttackCategories.table().containsKey(label), label);
            assertTrue(AttackCategories.NSL_KDD_CATEGORIES.contains(AttackCategories.categoryOf(label)), label);
        }
        assertEquals(allAttacks, AttackCategories.table().keySet());
    }

    /** {@code Attack Types.csv} ends its lines with a bare CR, so readLine-based readers see one line. */
    @Test
    void trainingNamesAgreeWithAttackTypesCsv() throws IOException {
        String csv = Files.readString(SharedData.require("nsl-kdd/Attack Types.csv"), StandardCharsets.US_ASCII);
        Map<String, String> upstream = new HashMap<>();
        for (String line : csv.split("\r")) {
            String[] f = line.strip().split(",");
            upstream.put(f[0], f[1]);
        }
        assertEquals("normal", upstream.get("normal"));
        assertEquals(24, upstream.size());
        for (String label : trainingAttacks) {
            assertEquals(upstream.get(label), AttackCategories.categoryOf(label), label);
        }
    }

    @Test
    void theTestOnlyNamesFollowTheCommonMapping() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("apache2", "dos"), Map.entry("mailbomb", "dos"), Map.entry("processtable", "dos"),
                Map.entry("udpstorm", "dos"), Map.entry("worm", "dos"),
                Map.entry("mscan", "probe"), Map.entry("saint", "probe"),
                Map.entry("httptunnel", "r2l"), Map.entry("named", "r2l"), Map.entry("sendmail", "r2l"),
                Map.entry("snmpgetattack", "r2l"), Map.entry("snmpguess", "r2l"), Map.entry("xlock", "r2l"),
                Map.entry("xsnoop", "r2l"),
                Map.entry("ps", "u2r"), Map.entry("sqlattack", "u2r"), Map.entry("xterm", "u2r"));
        assertEquals(TEST_ONLY, expected.keySet());
        expected.forEach((label, category) -> assertEquals(category, AttackCategories.categoryOf(label), label));
    }

    @Test
    void otherLabelsAreTheirOwnCategory() {
        assertEquals("normal", AttackCategories.categoryOf("normal"));
        assertEquals("PartOfAHorizontalPortScan", AttackCategories.categoryOf("PartOfAHorizontalPortScan"));
        assertEquals("C&C-HeartBeat", AttackCategories.categoryOf("C&C-HeartBeat"));
        // Labels are matched as the data set spells them.
        assertEquals("Neptune", AttackCategories.categoryOf("Neptune"));
    }

    @Test
    void aBrokenTableNamesTheLine() {
        assertBad("smurf\tdos\nsmurf\tprobe\n", "t:2: 'smurf' is listed twice");
        assertBad("# dos\nsmurf\tddos\n", "t:2: 'smurf' must map to one of [dos, probe, r2l, u2r], got 'ddos'");
        assertBad("smurf dos extra\n", "t:1: expected 'label category', got 'smurf dos extra'");
        assertBad("normal\tdos\n", "t:1: 'normal' is never an attack");
    }

    @Test
    void commentsAndSpacesAreAccepted() throws IOException {
        Map<String, String> table = AttackCategories.parse(
                new BufferedReader(new StringReader("# header\n\nsmurf   dos  # trailing\n  nmap\tprobe\n")), "t");
        assertEquals(Map.of("smurf", "dos", "nmap", "probe"), table);
    }

    private static void assertBad(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AttackCategories.parse(new BufferedReader(new StringReader(text)), "t"));
        assertEquals(message, e.getMessage());
    }

    private static Set<String> attackLabels(String file) throws IOException {
        Set<String> labels = new TreeSet<>();
        NslKddReader.read(SharedData.require(file), row -> {
            if (row.isAttack()) {
                labels.add(row.label());
            }
        });
        return labels;
    }
}
