package org.flowscore.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.LabelledDataset;
import org.flowscore.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void writesThePageAndFivePlotsOnKddTest(@TempDir Path dir) throws IOException {
        Evaluation e = Evaluation.run(Fixtures.serrorRateModel(0.5), Fixtures.kddTest());
        Path report = dir.resolve("report");
        Path index = HtmlReport.write(e, report);

        assertEquals(report.resolve("index.html"), index);
        assertEquals(List.of("roc.png", "pr.png", "confusion.png", "score-histogram.png",
                "feature-importance.png"), HtmlReport.PLOTS);
        for (String plot : HtmlReport.PLOTS) {
            assertPng(report.resolve(plot));
        }
        String html = Files.readString(index, StandardCharsets.UTF_8);
        for (String plot : HtmlReport.PLOTS) {
            assertTrue(html.contains("<img src=\"" + plot + "\""), plot);
        }
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<tr><th>ROC AUC</th><td class=\"n\">0.6224</td></tr>"), html);
        assertTrue(html.contains("<tr><th>actual attack</th><td class=\"n\">10,600</td><td class=\"n\">2,233</td>"));
        assertTrue(html.contains("<tr><td>dos</td><td class=\"n\">7,460</td><td class=\"n\">1,983</td>"));
        assertTrue(html.contains("<tr><td>neptune</td><td>dos</td><td class=\"n\">4,657</td>"));
        assertTrue(html.contains("httptunnel under r2l"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no outside resources");
    }

    /** Without attacks there is no curve to draw; the plots still come out, with the n/a in their titles. */
    @Test
    void degenerateDataStillGivesEveryPlot(@TempDir Path dir) throws IOException {
        LabelledDataset log = LabelledDataset.of(FeatureSet.NSL_KDD, List.of(Fixtures.row(0.1, "normal"), Fixtures.row(0.7, "normal")),
                false, "0".repeat(64), List.of("conn.log"));
        HtmlReport.write(Evaluation.run(Fixtures.serrorRateModel(0.5), log), dir);
        for (String plot : HtmlReport.PLOTS) {
            assertPng(dir.resolve(plot));
        }
        assertTrue(Files.readString(dir.resolve("index.html")).contains("<td class=\"n\">n/a</td>"));
    }

    @Test
    void textFromTheDataOrModelIsEscaped(@TempDir Path dir) throws IOException {
        Model model = new Model(Fixtures.info("<b>bold</b> & \"quoted\"", 0.5),
                Fixtures.serrorRateModel(0.5).scorer());
        LabelledDataset log = Fixtures.dataset(List.of(Fixtures.row(0.9, "C&C <script>"),
                Fixtures.row(0.1, "normal")));
        HtmlReport.write(Evaluation.run(model, log), dir);
        String html = Files.readString(dir.resolve("index.html"));
        assertFalse(html.contains("<b>bold</b>"));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;"));
        assertTrue(html.contains("<td>C&amp;C &lt;script&gt;</td>"));
        assertFalse(html.contains("httptunnel under r2l"), "no NSL-KDD categories, no mapping note");
    }

    @Test
    void escaping() {
        assertEquals("a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;",
                HtmlReport.escape("a < b && c > \"d\" 'e'"));
    }

    private static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, PNG_MAGIC.length), file.toString());
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file.toString());
        assertEquals(EvaluationCharts.WIDTH, image.getWidth(), file.toString());
        assertEquals(EvaluationCharts.HEIGHT, image.getHeight(), file.toString());
    }
}
