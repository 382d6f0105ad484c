package org.flowscore.format;

/** Why a line was counted and skipped instead of becoming a connection. */
public enum SkipReason {
    LINE_TOO_LONG("line too long"),
    INVALID_UTF8("invalid UTF-8"),
    BINARY_DATA("binary data"),
    MALFORMED_JSON("malformed JSON"),
    NO_HEADER("record before a #fields header"),
    WRONG_COLUMN_COUNT("wrong column count"),
    BAD_NUMBER("bad number"),
    BAD_TIMESTAMP("bad timestamp"),
    BAD_ADDRESS("bad address"),
    MISSING_FIELD("missing field"),
    NOT_CONN_LOG("not a conn log");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
