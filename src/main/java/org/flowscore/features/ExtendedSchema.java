package org.flowscore.features;

import java.util.List;

/**
 * The features flowscore computes beyond the 41 NSL-KDD ones, in output order (after the 41). They are what a
 * connection log does give and NSL-KDD left out: packets and IP bytes, what the TCP history says, where each
 * end sits, and behaviour over longer horizons than KDD's 2 seconds and 100 connections, computed in the same
 * single pass with bounded memory (see {@link ExtendedWindows}).
 *
 * <p>Per connection: {@code orig_pkts} … {@code src_port_class}. Per originator over the behaviour window
 * (default 5 minutes): {@code src_conns} … {@code src_unanswered_share}. Per responder over the same window:
 * {@code dst_conns}, {@code dst_distinct_srcs}. Per channel (originator, responder, responder port,
 * transport) over the channel window (default 1 hour): {@code chan_conns} … {@code chan_failed_share}. Every
 * window feature counts the current connection in.
 */
public final class ExtendedSchema {
    private ExtendedSchema() {
    }

    public static final List<String> NAMES = List.of(
            "orig_pkts", "resp_pkts", "orig_ip_bytes", "resp_ip_bytes", "exact_duration",
            "answered", "handshake", "data_both_ways", "orig_reset", "resp_reset",
            "orig_local", "resp_local", "resp_multicast", "dst_port_class", "src_port_class",
            "src_conns", "src_distinct_dsts", "src_distinct_ports", "src_ports_on_dst", "src_failed_share",
            "src_unanswered_share", "dst_conns", "dst_distinct_srcs",
            "chan_conns", "chan_interval_dispersion", "chan_size_dispersion", "chan_failed_share");

    public static final int COUNT = 27;

    public static final int ORIG_PKTS = 0;
    public static final int RESP_PKTS = 1;
    public static final int ORIG_IP_BYTES = 2;
    public static final int RESP_IP_BYTES = 3;
    public static final int EXACT_DURATION = 4;
    public static final int ANSWERED = 5;
    public static final int HANDSHAKE = 6;
    public static final int DATA_BOTH_WAYS = 7;
    public static final int ORIG_RESET = 8;
    public static final int RESP_RESET = 9;
    public static final int ORIG_LOCAL = 10;
    public static final int RESP_LOCAL = 11;
    public static final int RESP_MULTICAST = 12;
    public static final int DST_PORT_CLASS = 13;
    public static final int SRC_PORT_CLASS = 14;
    public static final int SRC_CONNS = 15;
    public static final int SRC_DISTINCT_DSTS = 16;
    public static final int SRC_DISTINCT_PORTS = 17;
    public static final int SRC_PORTS_ON_DST = 18;
    public static final int SRC_FAILED_SHARE = 19;
    public static final int SRC_UNANSWERED_SHARE = 20;
    public static final int DST_CONNS = 21;
    public static final int DST_DISTINCT_SRCS = 22;
    public static final int CHAN_CONNS = 23;
    public static final int CHAN_INTERVAL_DISPERSION = 24;
    public static final int CHAN_SIZE_DISPERSION = 25;
    public static final int CHAN_FAILED_SHARE = 26;

    /**
     * Port classes: {@code none} (ICMP and portless protocols), {@code well_known} (0–1023),
     * {@code registered} (1024–49151), {@code dynamic} (49152–65535), after IANA's ranges.
     */
    public static final List<String> PORT_CLASSES = List.of("none", "well_known", "registered", "dynamic");

    /** A dispersion over too few connections to say anything. */
    public static final double UNKNOWN = -1;

    public static boolean isCategorical(int feature) {
        return feature == DST_PORT_CLASS || feature == SRC_PORT_CLASS;
    }

    public static List<String> vocabulary(int feature) {
        return isCategorical(feature) ? PORT_CLASSES : null;
    }

    /** Features printed with decimals (durations, shares, dispersions); the others are integers. */
    public static boolean isFractional(int feature) {
        return feature == EXACT_DURATION || feature == SRC_FAILED_SHARE || feature == SRC_UNANSWERED_SHARE
                || feature >= CHAN_INTERVAL_DISPERSION;
    }

    public static int portClass(boolean hasPorts, int port) {
        if (!hasPorts) {
            return 0;
        }
        return port < 1024 ? 1 : port < 49152 ? 2 : 3;
    }
}
