package org.flowscore.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of a btest conn.log baseline that the comparison needs. Zeek's TSV reader is not used because
 * btest canonicalises {@code ts} to {@code XXXXXXXXXX.XXXXXX}.
 */
record ZeekConnLog(List<Row> rows) {

    record Row(String proto, String origH, int origP, String respH, int respP, String connState, String history,
               long origPkts, long respPkts, long origBytes, long respBytes, long origIpBytes, long respIpBytes) {
    }

    static ZeekConnLog read(Path file) throws IOException {
        List<String> fields = List.of();
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#fields")) {
                fields = Arrays.asList(line.split("\t"));
                fields = fields.subList(1, fields.size());
            } else if (!line.startsWith("#") && !line.isBlank()) {
                String[] v = line.split("\t", -1);
                List<String> names = fields;
                java.util.function.Function<String, String> get = n -> v[names.indexOf(n)];
                rows.add(new Row(get.apply("proto"), get.apply("id.orig_h"), Integer.parseInt(get.apply("id.orig_p")),
                        get.apply("id.resp_h"), Integer.parseInt(get.apply("id.resp_p")), get.apply("conn_state"),
                        "-".equals(get.apply("history")) ? null : get.apply("history"),
                        number(get.apply("orig_pkts")), number(get.apply("resp_pkts")), number(get.apply("orig_bytes")),
                        number(get.apply("resp_bytes")), number(get.apply("orig_ip_bytes")),
                        number(get.apply("resp_ip_bytes"))));
            }
        }
        return new ZeekConnLog(rows);
    }

    private static long number(String s) {
        return "-".equals(s) ? 0 : Long.parseLong(s);
    }
}
