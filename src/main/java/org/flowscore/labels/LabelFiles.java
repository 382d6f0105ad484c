package org.flowscore.labels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.FormatDetector;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;
import org.flowscore.source.InputOpener;
import org.flowscore.source.InputResolver;

/**
 * The files a site's labels come from: Suricata EVE files (their alert events) and Zeek notice logs. Found
 * beside the connections without being asked for (the EVE files among the site's logs; notice logs in a
 * folder of them, as zeekctl archives them), and wherever the user points.
 *
 * @param alerts  EVE files, read for alerts
 * @param notices Zeek notice logs
 */
public record LabelFiles(List<InputFile> alerts, List<InputFile> notices) {
    private static final Pattern NOTICE_LOG_NAME = Pattern.compile("notice([._-].*)?\\.log([.-].*)?");
    private static final Pattern EVE_NAME = Pattern.compile("eve([._-].*)?\\.json([.-].*)?");

    /** What a file holds, for labelling. */
    private enum Kind { ALERTS, NOTICES, NEITHER }

    public LabelFiles {
        alerts = List.copyOf(alerts);
        notices = List.copyOf(notices);
    }

    /**
     * @param data   the site's logs as given (files, folders, globs)
     * @param labels further label files as given: EVE files or notice logs, or folders or globs of them
     * @throws LabelException when a file given in {@code labels} is neither
     */
    public static LabelFiles find(List<String> data, List<String> labels) throws InputException, LabelException {
        Set<InputFile> alerts = new LinkedHashSet<>();
        Set<InputFile> notices = new LinkedHashSet<>();
        for (String arg : data) {
            for (InputFile file : InputResolver.resolve(List.of(arg))) {
                if (!file.isStdin() && kind(file) == Kind.ALERTS) {
                    alerts.add(file);
                }
            }
            if (Files.isDirectory(Path.of(arg))) {
                walk(Path.of(arg), NOTICE_LOG_NAME).forEach(p -> notices.add(new InputFile(p)));
            }
        }
        for (String arg : labels) {
            Path path = Path.of(arg);
            List<InputFile> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                walk(path, NOTICE_LOG_NAME).forEach(p -> files.add(new InputFile(p)));
                walk(path, EVE_NAME).forEach(p -> files.add(new InputFile(p)));
                if (files.isEmpty()) {
                    throw new LabelException(arg + ": folder holds no label files (looked for notice*.log*,"
                            + " eve*.json*)");
                }
            } else {
                files.addAll(InputResolver.resolve(List.of(arg)));
            }
            for (InputFile file : files) {
                switch (kind(file)) {
                    case ALERTS -> alerts.add(file);
                    case NOTICES -> notices.add(file);
                    case NEITHER -> throw new LabelException(file.displayName() + ": neither Suricata EVE (alerts)"
                            + " nor a Zeek notice log");
                }
            }
        }
        return new LabelFiles(new ArrayList<>(alerts), new ArrayList<>(notices));
    }

    /** Every label file, alerts first, for the site data's hash. */
    public List<InputFile> all() {
        List<InputFile> all = new ArrayList<>(alerts);
        all.addAll(notices);
        return all;
    }

    private static Kind kind(InputFile file) throws InputException {
        byte[] head;
        try (InputStream in = InputOpener.open(file)) {
            head = in.readNBytes(FormatDetector.PEEK_BYTES);
        } catch (IOException e) {
            throw new InputException(file.displayName() + ": cannot read: " + e.getMessage(), e);
        }
        SourceFormat format = FormatDetector.detect(head, head.length);
        if (format == SourceFormat.SURICATA_EVE) {
            return Kind.ALERTS;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        boolean notice = switch (format) {
            case ZEEK_TSV -> text.lines().anyMatch(l -> l.strip().matches("#path\\s+notice")
                    || l.startsWith("#fields") && l.contains("\tnote\t") && l.contains("\tuid\t"));
            case ZEEK_JSON -> text.lines().findFirst().map(l -> l.contains("\"note\"")).orElse(false);
            case null, default -> false;
        };
        return notice ? Kind.NOTICES : Kind.NEITHER;
    }

    private static List<Path> walk(Path root, Pattern names) throws InputException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> names.matcher(f.getFileName().toString()).matches())
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(root + ": cannot list folder: " + e.getMessage(), e);
        }
    }
}
