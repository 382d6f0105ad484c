package org.flowscore.source;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expands what the user typed into the inputs to read, in a stable order: {@code -} is standard input, a
 * file is itself, a folder is every connection log below it, and a glob ({@code /logs/2024-04-*}/conn.*)
 * is every match. Files found by walking folders or globs are sorted by path, which for zeekctl's archive
 * layout ({@code YYYY-MM-DD/conn.HH:MM:SS-HH:MM:SS.log.gz}) is chronological.
 */
public final class InputResolver {

    /**
     * In a folder, only files named like connection logs are read: Zeek's {@code conn.log} and its
     * rotated/archived names, IoT-23's {@code conn.log.labeled}, Suricata's {@code eve.json} and its
     * rotations, numbered or dated ({@code eve.json.1}, logrotate's {@code eve.json-20240101.gz}). A folder
     * of Zeek logs also holds dns.log, http.log, ... which are not connections.
     */
    private static final Pattern CONNECTION_LOG_NAME = Pattern.compile(
            "(conn|open_conn)([._-].*)?\\.log([.-].*)?|conn[._-].*|eve([._-].*)?\\.json([.-].*)?");

    private InputResolver() {
    }

    public static List<InputFile> resolve(List<String> args) throws InputException {
        Set<InputFile> out = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                out.add(InputFile.STDIN);
            } else if (isGlob(arg)) {
                List<Path> matches = glob(arg);
                if (matches.isEmpty()) {
                    throw new InputException(arg + ": no file matches this pattern");
                }
                matches.forEach(p -> out.add(new InputFile(p)));
            } else {
                Path p = Path.of(arg);
                if (Files.isDirectory(p)) {
                    List<Path> logs = walk(p, true);
                    if (logs.isEmpty()) {
                        throw new InputException(arg + ": folder holds no connection logs"
                                + " (looked for conn*.log*, conn.log.labeled, eve*.json*)");
                    }
                    logs.forEach(f -> out.add(new InputFile(f)));
                } else if (Files.exists(p)) {
                    if (!Files.isReadable(p)) {
                        throw new InputException(arg + ": permission denied (run as a user that can read it)");
                    }
                    out.add(new InputFile(p));
                } else {
                    throw new InputException(arg + ": no such file or folder");
                }
            }
        }
        return new ArrayList<>(out);
    }

    public static boolean isConnectionLogName(String fileName) {
        return CONNECTION_LOG_NAME.matcher(fileName).matches();
    }

    private static boolean isGlob(String arg) {
        return arg.indexOf('*') >= 0 || arg.indexOf('?') >= 0 || arg.indexOf('[') >= 0 || arg.indexOf('{') >= 0;
    }

    private static List<Path> glob(String pattern) throws InputException {
        String prefix = literalPrefix(pattern);
        Path base = prefix.isEmpty() ? Path.of(".") : Path.of(prefix);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(prefix.length()));
        List<Path> matches = new ArrayList<>();
        for (Path p : walk(base, false)) {
            if (matcher.matches(base.relativize(p))) {
                matches.add(p);
            }
        }
        return matches;
    }

    /** The pattern's leading folders that hold no glob characters, up to and including the last slash. */
    private static String literalPrefix(String pattern) {
        int end = 0;
        for (int slash = pattern.indexOf('/'); slash >= 0; slash = pattern.indexOf('/', slash + 1)) {
            if (isGlob(pattern.substring(end, slash))) {
                break;
            }
            end = slash + 1;
        }
        return pattern.substring(0, end);
    }

    private static List<Path> walk(Path root, boolean onlyConnectionLogs) throws InputException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !onlyConnectionLogs || isConnectionLogName(f.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(root + ": cannot list folder: " + e.getMessage(), e);
        }
    }
}
