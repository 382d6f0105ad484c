package org.flowscore.flow;

/** The log format a connection was read from. */
public enum SourceFormat {
    ZEEK_TSV("zeek-tsv", "zeek"),
    ZEEK_JSON("zeek-json", "zeek"),
    SURICATA_EVE("suricata-eve", "suricata"),
    PCAP("pcap", "flowscore");

    private final String cliName;
    private final String producer;

    SourceFormat(String cliName, String producer) {
        this.cliName = cliName;
        this.producer = producer;
    }

    /** The name users type after {@code --format}. */
    public String cliName() {
        return cliName;
    }

    /** The program that wrote the record: {@code zeek} or {@code suricata} (ECS {@code observer.product}-like). */
    public String producer() {
        return producer;
    }
}
