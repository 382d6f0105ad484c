package org.flowscore.features;

import java.util.List;

/**
 * The 41 NSL-KDD features in data-set order, and the vocabularies of the three categorical ones. A
 * categorical feature is held as its index into its vocabulary, so a feature vector is plain doubles.
 */
public final class KddSchema {
    private KddSchema() {
    }

    public static final List<String> NAMES = List.of(
            "duration", "protocol_type", "service", "flag", "src_bytes", "dst_bytes", "land",
            "wrong_fragment", "urgent", "hot", "num_failed_logins", "logged_in", "num_compromised",
            "root_shell", "su_attempted", "num_root", "num_file_creations", "num_shells",
            "num_access_files", "num_outbound_cmds", "is_host_login", "is_guest_login", "count",
            "srv_count", "serror_rate", "srv_serror_rate", "rerror_rate", "srv_rerror_rate",
            "same_srv_rate", "diff_srv_rate", "srv_diff_host_rate", "dst_host_count",
            "dst_host_srv_count", "dst_host_same_srv_rate", "dst_host_diff_srv_rate",
            "dst_host_same_src_port_rate", "dst_host_srv_diff_host_rate", "dst_host_serror_rate",
            "dst_host_srv_serror_rate", "dst_host_rerror_rate", "dst_host_srv_rerror_rate");

    public static final int COUNT = 41;

    public static final int DURATION = 0;
    public static final int PROTOCOL_TYPE = 1;
    public static final int SERVICE = 2;
    public static final int FLAG = 3;
    public static final int SRC_BYTES = 4;
    public static final int DST_BYTES = 5;
    public static final int LAND = 6;
    public static final int WRONG_FRAGMENT = 7;
    public static final int URGENT = 8;
    public static final int HOT = 9;
    public static final int NUM_FAILED_LOGINS = 10;
    public static final int LOGGED_IN = 11;
    public static final int IS_GUEST_LOGIN = 21;
    public static final int COUNT_2S = 22;
    public static final int SRV_COUNT = 23;
    public static final int SERROR_RATE = 24;
    public static final int SRV_SERROR_RATE = 25;
    public static final int RERROR_RATE = 26;
    public static final int SRV_RERROR_RATE = 27;
    public static final int SAME_SRV_RATE = 28;
    public static final int DIFF_SRV_RATE = 29;
    public static final int SRV_DIFF_HOST_RATE = 30;
    public static final int DST_HOST_COUNT = 31;
    public static final int DST_HOST_SRV_COUNT = 32;
    public static final int DST_HOST_SAME_SRV_RATE = 33;
    public static final int DST_HOST_DIFF_SRV_RATE = 34;
    public static final int DST_HOST_SAME_SRC_PORT_RATE = 35;
    public static final int DST_HOST_SRV_DIFF_HOST_RATE = 36;
    public static final int DST_HOST_SERROR_RATE = 37;
    public static final int DST_HOST_SRV_SERROR_RATE = 38;
    public static final int DST_HOST_RERROR_RATE = 39;
    public static final int DST_HOST_SRV_RERROR_RATE = 40;

    public static final List<String> PROTOCOLS = List.of("tcp", "udp", "icmp");

    /** The 70 services of NSL-KDD, in the order they first appear in KDDTrain+. */
    public static final List<String> SERVICES = List.of(
            "ftp_data", "other", "private", "http", "remote_job", "name", "netbios_ns", "eco_i", "mtp",
            "telnet", "finger", "domain_u", "supdup", "uucp_path", "Z39_50", "smtp", "csnet_ns", "uucp",
            "netbios_dgm", "urp_i", "auth", "domain", "ftp", "bgp", "ldap", "ecr_i", "gopher", "vmnet",
            "systat", "http_443", "efs", "whois", "imap4", "iso_tsap", "echo", "klogin", "link", "sunrpc",
            "login", "kshell", "sql_net", "time", "hostnames", "exec", "ntp_u", "discard", "nntp", "courier",
            "ctf", "ssh", "daytime", "shell", "netstat", "pop_3", "nnsp", "IRC", "pop_2", "printer", "tim_i",
            "pm_dump", "red_i", "netbios_ssn", "rje", "X11", "urh_i", "http_8001", "aol", "http_2784",
            "tftp_u", "harvest");

    public static final List<String> FLAGS = List.of(
            "SF", "S0", "REJ", "RSTR", "SH", "RSTO", "S1", "RSTOS0", "S3", "S2", "OTH");

    /** The vocabulary of a categorical feature, or null for a numeric one. */
    public static List<String> vocabulary(int feature) {
        return switch (feature) {
            case PROTOCOL_TYPE -> PROTOCOLS;
            case SERVICE -> SERVICES;
            case FLAG -> FLAGS;
            default -> null;
        };
    }

    public static boolean isCategorical(int feature) {
        return feature == PROTOCOL_TYPE || feature == SERVICE || feature == FLAG;
    }

    /** Rates are printed with two decimals, as the data set does; everything else is an integer. */
    public static boolean isRate(int feature) {
        return feature >= SERROR_RATE && feature <= SRV_DIFF_HOST_RATE
                || feature >= DST_HOST_SAME_SRV_RATE;
    }

    public static int index(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no NSL-KDD feature named '" + name + "'");
        }
        return i;
    }
}
