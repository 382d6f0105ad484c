package org.flowscore.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The attack category of a label: {@code dos}, {@code probe}, {@code r2l} or {@code u2r} for the 39 NSL-KDD
 * attack names, {@code normal} for normal rows, and the label itself for anything else, so a labelled log's
 * detailed labels ({@code PartOfAHorizontalPortScan}, …) are reported one by one.
 *
 * <p>The table is {@code mappings/attack-categories.tsv} (shipped in the jar under the same path). The 22 training-set names follow
 * {@code Attack Types.csv} of the NSL-KDD distribution; the 17 names only the test sets use follow the
 * mapping most public NSL-KDD work uses. The DARPA 1999 taxonomy differs on two of those: it files
 * {@code httptunnel} under u2r (here r2l) and does not call {@code worm} a denial of service (here dos), so
 * per-category recall on KDDTest+ is comparable with published tables, not with the DARPA documents.
 */
public final class AttackCategories {
    public static final String NORMAL = "normal";
    public static final Set<String> NSL_KDD_CATEGORIES = Set.of("dos", "probe", "r2l", "u2r");

    /** One line for reports: which mapping the per-category numbers use. */
    public static final String MAPPING_NOTE = "the mapping most NSL-KDD work uses, test-only names included;"
            + " it puts httptunnel under r2l and worm under dos, where the DARPA 1999 taxonomy has httptunnel as"
            + " u2r and does not call worm a DoS";

    private static final String RESOURCE = "/mappings/attack-categories.tsv";
    private static final Map<String, String> TABLE = load();

    private AttackCategories() {
    }

    public static String categoryOf(String label) {
        if (label.equals(NORMAL)) {
            return NORMAL;
        }
        return TABLE.getOrDefault(label, label);
    }

    /** Label → category, in file order. */
    public static Map<String, String> table() {
        return TABLE;
    }

    private static Map<String, String> load() {
        InputStream in = AttackCategories.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A table that loads is a table that means what it says: every mistake names the line. */
    static Map<String, String> parse(BufferedReader reader, String source) throws IOException {
        Map<String, String> table = new LinkedHashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            int hash = line.indexOf('#');
            String content = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] f = content.split("\\s+");
            if (f.length != 2) {
                throw new IllegalArgumentException(source + ":" + number + ": expected 'label category', got '"
                        + content + "'");
            }
            if (f[0].equals(NORMAL)) {
                throw new IllegalArgumentException(source + ":" + number + ": 'normal' is never an attack");
            }
            if (!NSL_KDD_CATEGORIES.contains(f[1])) {
                throw new IllegalArgumentException(source + ":" + number + ": '" + f[0] + "' must map to one of "
                        + NSL_KDD_CATEGORIES.stream().sorted().toList() + ", got '" + f[1] + "'");
            }
            if (table.putIfAbsent(f[0], f[1]) != null) {
                throw new IllegalArgumentException(source + ":" + number + ": '" + f[0] + "' is listed twice");
            }
        }
        return Collections.unmodifiableMap(table);
    }
}
