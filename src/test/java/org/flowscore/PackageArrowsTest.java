package org.flowscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map in the sources stays true: every package says in its {@code package-info.java} what it
 * owns and which packages it imports ("May import: ..."), the imports are exactly those, and the arrows
 * form no cycle, so a newcomer can trust the map and the layers stay layers.
 */
class PackageArrowsTest {
    private static final Path ROOT = Path.of("src/main/java/org/flowscore");
    private static final Pattern MAY_IMPORT = Pattern.compile("<p>May import: (.+)\\.$", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (static )?org\\.flowscore\\.([\\w.]+);",
            Pattern.MULTILINE);
    private static final String ANY = "any package";
    private static final Map<String, Set<String>> ACTUAL = new TreeMap<>();
    private static final Map<String, String> DECLARED = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = ROOT.relativize(file.getParent()).toString().replace('/', '.');
                String text = Files.readString(file);
                if (file.getFileName().toString().equals("package-info.java")) {
                    Matcher m = MAY_IMPORT.matcher(text);
                    DECLARED.put(pkg, m.find() ? m.group(1) : null);
                    continue;
                }
                Set<String> imports = ACTUAL.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String target = packageOf(m.group(2), m.group(1) != null);
                    if (!target.equals(pkg)) {
                        imports.add(target);
                    }
                }
            }
        }
    }

    /** {@code model.score.Scorer} → {@code model.score}: a static import's member and nested types dropped too. */
    private static String packageOf(String name, boolean staticImport) {
        List<String> parts = new ArrayList<>(Arrays.asList(name.split("\\.")));
        if (staticImport) {
            parts.removeLast();
        }
        while (!parts.isEmpty() && Character.isUpperCase(parts.getLast().charAt(0))) {
            parts.removeLast();
        }
        return String.join(".", parts);
    }

    private static Set<String> declared(String pkg) {
        String list = DECLARED.get(pkg);
        if (list.equals("nothing")) {
            return Set.of();
        }
        return Arrays.stream(list.split(",\\s*")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyPackageSaysWhatItMayImport() {
        assertEquals(ACTUAL.keySet(), DECLARED.keySet(), "a package-info.java per package");
        DECLARED.forEach((pkg, list) -> assertTrue(list != null, pkg + "'s package-info has no \"<p>May import: …\" line"));
    }

    @Test
    void packagesImportExactlyWhatTheirPackageInfoSays() {
        List<String> wrong = new ArrayList<>();
        for (String pkg : ACTUAL.keySet()) {
            if (DECLARED.get(pkg) == null || DECLARED.get(pkg).equals(ANY)) {
                continue;
            }
            if (!ACTUAL.get(pkg).equals(declared(pkg))) {
                wrong.add(pkg + " imports " + ACTUAL.get(pkg) + " but says " + declared(pkg));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theArrowsFormNoCycle() {
        List<String> cycles = new ArrayList<>();
        for (String start : ACTUAL.keySet()) {
            if (reaches(start, start, new TreeSet<>())) {
                cycles.add(start);
            }
        }
        assertEquals(List.of(), cycles, "packages that reach themselves through their imports");
        assertTrue(ACTUAL.get("flow").isEmpty(), "flow is the bottom layer");
    }

    private static boolean reaches(String from, String target, Set<String> seen) {
        for (String next : ACTUAL.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(next, target, seen))) {
                return true;
            }
        }
        return false;
    }
}
