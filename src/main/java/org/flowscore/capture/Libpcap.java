package org.flowscore.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/**
 * Opens pcap files and interfaces through pcap4j, and turns libpcap's failures into messages that say what
 * to do. pcap4j loads libpcap on first use only, which is what keeps every other command free of it.
 */
public final class Libpcap {
    private static final String INSTALL_HINT = "install libpcap (Debian/Ubuntu: apt-get install libpcap0.8;"
            + " Fedora/RHEL: dnf install libpcap; Alpine: apk add libpcap; macOS ships it)";
    private static final int SNAP_LENGTH = 65_535;
    private static final int READ_TIMEOUT_MILLIS = 500;

    private Libpcap() {
    }

    /** A pcap or pcapng file (libpcap reads both, either byte order). */
    public static PcapHandle openFile(Path file, String filter) throws CaptureException {
        if (!Files.isReadable(file)) {
            throw new CaptureException("cannot read " + file + ": no such file or no permission", null);
        }
        requireLibrary();
        PcapHandle handle;
        try {
            handle = Pcaps.openOffline(file.toString());
        } catch (PcapNativeException e) {
            throw new CaptureException("cannot read " + file + " as a capture: " + e.getMessage()
                    + " (pcap and pcapng files are read)", e);
        }
        return filtered(handle, filter);
    }

    /** A live capture on an interface, with an optional BPF filter. */
    public static PcapHandle openInterface(String name, String filter) throws CaptureException {
        requireLibrary();
        PcapHandle handle;
        try {
            handle = new PcapHandle.Builder(name)
                    .snaplen(SNAP_LENGTH)
                    .promiscuousMode(PcapNetworkInterface.PromiscuousMode.PROMISCUOUS)
                    .timeoutMillis(READ_TIMEOUT_MILLIS)
                    .immediateMode(true)
                    .build();
            // Linux's libpcap can block in pcap_next_ex on a quiet interface whatever the timeout, which would
            // stop idle expiry and Ctrl-C: reads return at once instead and the reader waits between polls.
            handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
        } catch (PcapNativeException | NotOpenException e) {
            throw new CaptureException(interfaceProblem(name, e.getMessage()), e);
        }
        return filtered(handle, filter);
    }

    private static PcapHandle filtered(PcapHandle handle, String filter) throws CaptureException {
        if (filter != null && !filter.isBlank()) {
            try {
                handle.setFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE);
            } catch (PcapNativeException | NotOpenException e) {
                handle.close();
                throw new CaptureException("--filter '" + filter + "' is not a valid BPF expression: "
                        + e.getMessage() + " (see man pcap-filter)", e);
            }
        }
        return handle;
    }

    private static String interfaceProblem(String name, String message) {
        String text = message == null ? "" : message;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("permitted") || lower.contains("permission") || lower.contains("privilege")) {
            return "no permission to capture on " + name + " (" + text + "): run as root, or give Java the"
                    + " capture capabilities once: sudo setcap cap_net_raw,cap_net_admin=eip"
                    + " \"$(readlink -f \"$(command -v java)\")\"";
        }
        if (lower.contains("no such device") || lower.contains("doesn't exist")) {
            return "there is no interface " + name + " (" + text + "): list them with 'ip link'";
        }
        return "cannot capture on " + name + ": " + text;
    }

    /** Loads libpcap now, so its absence is reported as such rather than as some later call's failure. */
    private static void requireLibrary() throws CaptureException {
        try {
            Pcaps.libVersion();
        } catch (LinkageError e) {
            throw missing(e);
        }
    }

    private static CaptureException missing(LinkageError e) {
        return new CaptureException("libpcap is not installed or could not be loaded (" + e.getMessage()
                + "): capture needs it; " + INSTALL_HINT + ". Every other flowscore command works without it.", e);
    }
}
