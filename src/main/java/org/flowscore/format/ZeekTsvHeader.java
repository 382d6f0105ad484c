package org.flowscore.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema a Zeek TSV header block declares: separators, placeholders, path and the conn fields per
 * column. Immutable; the reader builds a new one for each header block.
 *
 * @param separator    column separator ({@code #separator}, escapes like {@code \x09} decoded)
 * @param unsetField   placeholder for an unset value ({@code #unset_field}, usually {@code -})
 * @param emptyField   placeholder for an empty value ({@code #empty_field}, usually {@code (empty)})
 * @param path         the log's {@code #path} ({@code conn}, {@code dns}, ...), null when absent
 * @param columns      the field at each column, null where flowscore does not use the column
 * @param packedColumn index of a column holding several fields joined by three spaces (IoT-23's
 *                     {@code tunnel_parents   label   detailed-label}), or -1
 * @param packedFields the fields inside the packed column
 */
record ZeekTsvHeader(String separator, String unsetField, String emptyField, String path,
                     ZeekConnField[] columns, int packedColumn, ZeekConnField[] packedFields) {

    /** The IoT-23 data set joins its last three columns with three spaces instead of the separator. */
    static final String PACKED_JOIN = "   ";

    static ZeekTsvHeader fromFields(String separator, String unsetField, String emptyField, String path,
                                    List<String> fieldNames) {
        ZeekConnField[] columns = new ZeekConnField[fieldNames.size()];
        int packed = -1;
        ZeekConnField[] packedFields = new ZeekConnField[0];
        for (int i = 0; i < fieldNames.size(); i++) {
            String name = fieldNames.get(i);
            if (name.contains(PACKED_JOIN)) {
                packed = i;
                List<ZeekConnField> inner = new ArrayList<>();
                for (String part : name.split(PACKED_JOIN)) {
                    inner.add(ZeekConnField.byName(part.trim()));
                }
                packedFields = inner.toArray(new ZeekConnField[0]);
            } else {
                columns[i] = ZeekConnField.byName(name);
            }
        }
        return new ZeekTsvHeader(separator, unsetField, emptyField, path, columns, packed, packedFields);
    }

    /**
     * Whether records under this header are connections: the path says conn (also {@code open_conn},
     * {@code conn_long}), or, with no path, the fields only conn.log has are present.
     */
    boolean describesConnections() {
        if (path != null) {
            return path.contains("conn");
        }
        for (ZeekConnField f : columns) {
            if (f == ZeekConnField.CONN_STATE || f == ZeekConnField.ORIG_PKTS) {
                return true;
            }
        }
        return false;
    }
}
