package org.flowscore.features;

import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;

/** Builds test connections. Times are in milliseconds for readability and stored as microseconds. */
final class Conn {
    private long startMicros;
    private long durationMicros;
    private String src = "10.0.0.9";
    private int sport = 40000;
    private String dst = "10.0.0.1";
    private int dport = 80;
    private Transport transport = Transport.TCP;
    private String state = "SF";
    private String service;
    private long origBytes = 100;
    private long respBytes = 1000;
    private int urgent;
    private String history;
    private long origPackets = 1;
    private long respPackets = 1;
    private long origIpBytes = -1;
    private long respIpBytes = -1;

    private Conn() {
    }

    /** A TCP connection to 10.0.0.1:80 from 10.0.0.9:40000, SF, no detected protocol, ending at {@code endMs}. */
    static Conn endingAt(long endMs) {
        Conn c = new Conn();
        c.startMicros = endMs * 1000;
        return c;
    }

    static Conn endingAtMicros(long endMicros) {
        Conn c = new Conn();
        c.startMicros = endMicros;
        return c;
    }

    /** Sets start and duration so that the end stays where it was. */
    Conn lasting(long durationMicros) {
        this.startMicros -= durationMicros;
        this.durationMicros = durationMicros;
        return this;
    }

    Conn from(String src, int sport) {
        this.src = src;
        this.sport = sport;
        return this;
    }

    Conn to(String dst, int dport) {
        this.dst = dst;
        this.dport = dport;
        return this;
    }

    Conn sport(int sport) {
        this.sport = sport;
        return this;
    }

    Conn transport(Transport transport) {
        this.transport = transport;
        return this;
    }

    Conn state(String state) {
        this.state = state;
        return this;
    }

    Conn service(String service) {
        this.service = service;
        return this;
    }

    Conn bytes(long orig, long resp) {
        this.origBytes = orig;
        this.respBytes = resp;
        return this;
    }

    Conn history(String history) {
        this.history = history;
        return this;
    }

    Conn packets(long orig, long resp) {
        this.origPackets = orig;
        this.respPackets = resp;
        return this;
    }

    Conn ipBytes(long orig, long resp) {
        this.origIpBytes = orig;
        this.respIpBytes = resp;
        return this;
    }

    Conn urgent(int packets) {
        this.urgent = packets;
        return this;
    }

    Connection build() {
        FlowKey key = FlowKey.of(src, sport, dst, dport, transport);
        return new Connection(startMicros, durationMicros, "C" + startMicros, key, service,
                new Traffic(origBytes, origPackets, origIpBytes), new Traffic(respBytes, respPackets, respIpBytes), 0,
                state, history, null, null, urgent,
                false, "1:test", SourceFormat.ZEEK_JSON, "test", null);
    }
}
