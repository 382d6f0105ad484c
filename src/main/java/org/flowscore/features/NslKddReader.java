package org.flowscore.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Reads the NSL-KDD CSV files ({@code KDDTrain+.txt}, {@code KDDTest+.txt}, …): no header, the 41 features,
 * the label and, in NSL-KDD, the difficulty level; 42-column files (KDD'99 style, no difficulty) are read too,
 * and KDD'99's trailing dot on labels ({@code normal.}) is dropped. Training data must be clean, so a bad line
 * is an error naming the file and line, never a skip. Blank lines carry no record and are passed over.
 */
public final class NslKddReader {
    private static final Map<String, Integer> PROTOCOLS = indexOf(KddSchema.PROTOCOLS);
    private static final Map<String, Integer> SERVICES = indexOf(KddSchema.SERVICES);
    private static final Map<String, Integer> FLAGS = indexOf(KddSchema.FLAGS);

    private NslKddReader() {
    }

    /**
     * Every row of {@code file}, in file order: lines are read on the caller's thread and parsed on all cores
     * (rows stand alone: no state runs from one to the next). A bad line is thrown on the caller's thread, the
     * first in the file, whichever core met it: a parallel stream would rethrow a copy wrapping it instead.
     */
    public static List<LabelledFeatures> readAll(Path file) throws IOException {
        String source = file.toString();
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        LabelledFeatures[] rows = new LabelledFeatures[lines.size()];
        IllegalArgumentException[] errors = new IllegalArgumentException[lines.size()];
        IntStream.range(0, lines.size()).parallel().forEach(i -> {
            String line = lines.get(i);
            if (!line.isBlank()) {
                try {
                    rows[i] = parse(line, source, i + 1);
                } catch (IllegalArgumentException e) {
                    errors[i] = e;
                }
            }
        });
        List<LabelledFeatures> read = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            if (errors[i] != null) {
                throw errors[i];
            }
            if (rows[i] != null) {
                read.add(rows[i]);
            }
        }
        return read;
    }

    /** Streams the rows of {@code file} to {@code sink} in file order. */
    public static void read(Path file, Consumer<LabelledFeatures> sink) throws IOException {
        String source = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    sink.accept(parse(line, source, number));
                }
            }
        }
    }

    /**
     * Parses one line.
     *
     * @param source     file name for error messages
     * @param lineNumber 1-based line number for error messages
     * @throws IllegalArgumentException naming {@code source:lineNumber} when the line is not a valid row
     */
    public static LabelledFeatures parse(String line, String source, long lineNumber) {
        String[] f = line.strip().split(",", -1);
        if (f.length != KddSchema.COUNT + 1 && f.length != KddSchema.COUNT + 2) {
            throw error(source, lineNumber, "expected " + (KddSchema.COUNT + 2) + " columns (41 features, label, "
                    + "difficulty) or " + (KddSchema.COUNT + 1) + ", got " + f.length);
        }
        double[] values = new double[KddSchema.COUNT];
        for (int i = 0; i < KddSchema.COUNT; i++) {
            values[i] = value(i, f[i].strip(), source, lineNumber);
        }
        String label = f[KddSchema.COUNT].strip();
        if (label.endsWith(".")) {
            label = label.substring(0, label.length() - 1);
        }
        if (label.isEmpty()) {
            throw error(source, lineNumber, "empty label");
        }
        int difficulty = LabelledFeatures.NO_DIFFICULTY;
        if (f.length == KddSchema.COUNT + 2) {
            difficulty = (int) number(f[KddSchema.COUNT + 1].strip(), "difficulty", source, lineNumber);
        }
        return new LabelledFeatures(new KddFeatures(values), label, difficulty);
    }

    private static double value(int feature, String text, String source, long lineNumber) {
        String name = KddSchema.NAMES.get(feature);
        Map<String, Integer> vocabulary = switch (feature) {
            case KddSchema.PROTOCOL_TYPE -> PROTOCOLS;
            case KddSchema.SERVICE -> SERVICES;
            case KddSchema.FLAG -> FLAGS;
            default -> null;
        };
        if (vocabulary != null) {
            Integer index = vocabulary.get(text);
            if (index == null) {
                throw error(source, lineNumber, name + " '" + text + "' is not in the NSL-KDD vocabulary");
            }
            return index;
        }
        if (KddSchema.isRate(feature)) {
            double v = parseDouble(text, name, source, lineNumber);
            if (v > 1) {
                throw error(source, lineNumber, name + " is a rate but is " + text);
            }
            return v;
        }
        return number(text, name, source, lineNumber);
    }

    /** A non-negative whole number. */
    private static double number(String text, String name, String source, long lineNumber) {
        double v = parseDouble(text, name, source, lineNumber);
        if (v != Math.rint(v)) {
            throw error(source, lineNumber, name + " must be a whole number, got '" + text + "'");
        }
        return v;
    }

    private static double parseDouble(String text, String name, String source, long lineNumber) {
        double v = plainDecimal(text);
        if (v >= 0) {
            return v;
        }
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(source, lineNumber, name + " is not a number: '" + text + "'");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw error(source, lineNumber, name + " must be a finite number of at least 0, got '" + text + "'");
        }
        return v;
    }

    /**
     * The value of the numbers NSL-KDD is made of, whole numbers ({@code 491}) and fractions below one
     * ({@code 0.05}), without {@link Double#parseDouble}'s general algorithm; -1 for any other text. Both are
     * exact or one correctly rounded division, so the value is the one {@code parseDouble} gives.
     */
    static double plainDecimal(String text) {
        int n = text.length();
        if (n == 0 || n > 15) {
            return -1;
        }
        long whole = 0;
        int i = 0;
        for (; i < n && text.charAt(i) != '.'; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            whole = whole * 10 + (c - '0');
        }
        if (i == n) {
            return whole;
        }
        long fraction = 0;
        long scale = 1;
        for (i++; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            fraction = fraction * 10 + (c - '0');
            scale *= 10;
        }
        if (scale == 1) {
            return -1;
        }
        if (fraction == 0) {
            return whole;
        }
        return whole == 0 ? (double) fraction / scale : -1;
    }

    private static IllegalArgumentException error(String source, long lineNumber, String message) {
        return new IllegalArgumentException(source + ":" + lineNumber + ": " + message);
    }

    private static Map<String, Integer> indexOf(List<String> vocabulary) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            map.put(vocabulary.get(i), i);
        }
        return map;
    }
}
