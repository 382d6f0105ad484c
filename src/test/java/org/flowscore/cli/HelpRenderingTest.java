package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Every command's help re-flows at the terminal's width: rendered at 80 and 120 columns, no line is cut
 * mid-sentence by a hard break (a description array element or %n ending half-way through a sentence), no
 * example or table row is wrapped, and nothing is wider than the width.
 *
 * <p>The rule rests on picocli wrapping greedily: it moves a word to the next line only when the word does not
 * fit. So when the next line's first word would have fit after the previous line, the break is a hard one, and
 * a hard break must end a sentence or an element ('.', ':', '!', '?', or a shell line continuation '\').
 */
class HelpRenderingTest {
    private static final int[] WIDTHS = {80, 120};

    /** Wide enough that picocli wraps nothing: each line is then exactly one description element. */
    private static final int UNWRAPPED = 1000;

    /**
     * picocli's default layout starts every row of a list (option names, parameter labels, command names) in
     * the first 6 columns and each description further right; a list line indented more is a description line.
     */
    private static final int ROW_INDENT_MAX = 6;

    private static final Set<String> PROSE = Set.of(
            UsageMessageSpec.SECTION_KEY_HEADER_HEADING,
            UsageMessageSpec.SECTION_KEY_HEADER,
            UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING,
            UsageMessageSpec.SECTION_KEY_DESCRIPTION_HEADING,
            UsageMessageSpec.SECTION_KEY_DESCRIPTION,
            UsageMessageSpec.SECTION_KEY_PARAMETER_LIST_HEADING,
            UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
            UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
            UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING,
            UsageMessageSpec.SECTION_KEY_FOOTER_HEADING,
            UsageMessageSpec.SECTION_KEY_FOOTER);

    private static final Set<String> LISTS = Set.of(
            UsageMessageSpec.SECTION_KEY_AT_FILE_PARAMETER,
            UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
            UsageMessageSpec.SECTION_KEY_END_OF_OPTIONS,
            UsageMessageSpec.SECTION_KEY_OPTION_LIST,
            UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
            UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);

    @Test
    void everyCommandsHelpReflowsAt80And120Columns() {
        Map<String, Map<String, List<String>>> unwrapped = render(UNWRAPPED);
        List<String> problems = new ArrayList<>();
        for (int width : WIDTHS) {
            Map<String, Map<String, List<String>>> rendered = render(width);
            // The walk must reach the subcommands, among them those whose help the issue found jagged.
            assertTrue(rendered.keySet().containsAll(List.of("flowscore", "flowscore score", "flowscore train",
                    "flowscore simulate")), rendered.keySet().toString());
            for (var command : rendered.entrySet()) {
                String where = command.getKey() + " --help at " + width + " columns";
                for (var section : command.getValue().entrySet()) {
                    String key = section.getKey();
                    List<String> lines = section.getValue();
                    checkWidth(where, lines, width, problems);
                    if (PROSE.contains(key)) {
                        checkProse(where, lines, width, problems);
                        checkStructureFits(where, unwrapped.get(command.getKey()).get(key), width, problems);
                    } else if (LISTS.contains(key)) {
                        checkList(where, lines, width, problems);
                    } else if (!key.equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
                        // A section this test does not know would go unchecked: say so rather than pass.
                        problems.add(where + ": unknown help section '" + key + "'; teach HelpRenderingTest its kind");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void everyPercentSignInHelpTextIsEscapedForPicocli() {
        // picocli formats help text with String.format: a bare '%' makes it print a warning and the raw text.
        List<String> problems = new ArrayList<>();
        checkPercents(Main.commandLine(), problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void checkPercents(CommandLine cl, List<String> problems) {
        CommandSpec spec = cl.getCommandSpec();
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().footer()));
        spec.options().forEach(option -> texts.addAll(List.of(option.description())));
        spec.positionalParameters().forEach(parameter -> texts.addAll(List.of(parameter.description())));
        for (String text : texts) {
            if (text.replace("%%", "").replace("%n", "").contains("%")) {
                problems.add(spec.qualifiedName() + ": a bare '%' in: " + text);
            }
        }
        cl.getSubcommands().values().forEach(sub -> checkPercents(sub, problems));
    }

    /** Each command's help sections, by section key, as lines rendered at {@code width} without colours. */
    private static Map<String, Map<String, List<String>>> render(int width) {
        CommandLine root = Main.commandLine();
        Map<String, Map<String, List<String>>> commands = new LinkedHashMap<>();
        collect(root, width, commands);
        return commands;
    }

    /** Walks the subcommands recursively, so a command added later is checked without changing this test. */
    private static void collect(CommandLine cl, int width, Map<String, Map<String, List<String>>> commands) {
        // The terminal the build runs in must not decide the width under test.
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(width);
        cl.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        Help help = cl.getHelp();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (String key : cl.getHelpSectionKeys()) {
            CommandLine.IHelpSectionRenderer renderer = cl.getHelpSectionMap().get(key);
            if (renderer != null) {
                sections.put(key, renderer.render(help).lines().map(String::stripTrailing).toList());
            }
        }
        commands.put(cl.getCommandSpec().qualifiedName(), sections);
        for (CommandLine sub : cl.getSubcommands().values()) {
            collect(sub, width, commands);
        }
    }

    private static void checkWidth(String where, List<String> lines, int width, List<String> problems) {
        for (String line : lines) {
            if (line.length() > width) {
                problems.add(where + ": wider than " + width + ": " + line);
            }
        }
    }

    /**
     * Descriptions, headers and footers: paragraphs start in column 0 and re-flow; indented lines are deliberate
     * structure (examples, tables). A column-0 line after a line it could have continued follows a hard break.
     */
    private static void checkProse(String where, List<String> lines, int width, List<String> problems) {
        for (int i = 1; i < lines.size(); i++) {
            String previous = lines.get(i - 1);
            String line = lines.get(i);
            if (previous.isBlank() || line.isBlank() || indent(line) > 0) {
                continue;
            }
            if (fitsAfter(previous, line, width) && !endsElement(previous)) {
                problems.add(where + ": hard break mid-sentence:\n    " + previous + "\n    " + line);
            }
        }
    }

    /**
     * Examples and table rows must fit the width as they are: picocli would wrap them into column 0, where
     * they read as prose. Checked on the unwrapped rendering, where each line is one element.
     */
    private static void checkStructureFits(String where, List<String> unwrapped, int width, List<String> problems) {
        for (String line : unwrapped) {
            if (indent(line) > 0 && line.length() > width) {
                problems.add(where + ": example or table row wider than " + width + ", so wrapped: " + line);
            }
        }
    }

    /**
     * Option, parameter and command lists: a description line the previous line could have held follows a
     * hard break, and the last line of each row must end a sentence (the command list shows only the first
     * element of a command's description, so a first element that is half a sentence shows as one).
     */
    private static void checkList(String where, List<String> lines, int width, List<String> problems) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            boolean descriptionLine = indent(line) > ROW_INDENT_MAX;
            if (descriptionLine && i > 0 && !lines.get(i - 1).isBlank()) {
                String previous = lines.get(i - 1);
                boolean namesOnly = indent(previous) <= ROW_INDENT_MAX && !previous.strip().contains("  ");
                // Names too long for their column take a line of their own; the description starts below them.
                if (!namesOnly && fitsAfter(previous, line, width) && !endsElement(previous)) {
                    problems.add(where + ": hard break mid-sentence:\n    " + previous + "\n    " + line);
                }
            }
            boolean lastOfRow = i + 1 == lines.size() || lines.get(i + 1).isBlank()
                    || indent(lines.get(i + 1)) <= ROW_INDENT_MAX;
            boolean namesOnly = !descriptionLine && !line.strip().contains("  ");
            if (lastOfRow && !namesOnly && !endsElement(line)) {
                problems.add(where + ": description ends mid-sentence: " + line);
            }
        }
    }

    /**
     * Whether picocli could have put the first word of {@code line} after {@code previous}: then it did not wrap
     * there. picocli places a word together with the space after it, so that space must fit too unless the word
     * ends the line.
     */
    private static boolean fitsAfter(String previous, String line, int width) {
        String[] words = line.strip().split(" ", 2);
        int spaceAfter = words.length > 1 ? 1 : 0;
        return previous.length() + 1 + words[0].length() + spaceAfter <= width;
    }

    private static boolean endsElement(String line) {
        String s = line.stripTrailing();
        return s.endsWith(".") || s.endsWith(":") || s.endsWith("!") || s.endsWith("?") || s.endsWith(" \\");
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
