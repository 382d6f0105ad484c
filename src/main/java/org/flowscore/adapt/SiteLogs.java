package org.flowscore.adapt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.flowscore.flow.Connection;
import org.flowscore.labels.AlertReader;
import org.flowscore.labels.Allowlist;
import org.flowscore.labels.LabelException;
import org.flowscore.labels.LabelFiles;
import org.flowscore.labels.LabelPolicy;
import org.flowscore.labels.NoticeReader;
import org.flowscore.labels.SiteLabeller;
import org.flowscore.labels.SuricataAlert;
import org.flowscore.labels.ZeekNotice;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;
import org.flowscore.source.InputResolver;

/**
 * A site's history as read: its connections (each {@code --data} PATH one stream, within the time window),
 * the Suricata alerts and Zeek notices beside them, and the SHA-256 of the files read. Labelling is a
 * separate step ({@link #label}) because which signatures are held out depends on what the alerts labelled.
 */
public final class SiteLogs {
    /** One stream of the site's connections, in the order the sensor logged them. */
    public record Stream(String name, List<Connection> connections) {
        public Stream {
            connections = List.copyOf(connections);
        }
    }

    /**
     * What reading found, for the summary.
     *
     * @param outsideWindow        connections read but outside the time window
     * @param alertFiles           EVE files read for alerts
     * @param unreadableAlerts     alert lines skipped, and the first one's problem (null when none)
     * @param noticeFiles          notice logs read
     * @param noticesWithoutUid    notices that name no connection
     */
    public record Reading(long outsideWindow, int alertFiles, long unreadableAlerts, String firstAlertProblem,
                          int noticeFiles, long noticesWithoutUid, long unreadableNotices, String firstNoticeProblem) {
    }

    private final List<Stream> streams;
    private final List<SuricataAlert> alerts;
    private final List<ZeekNotice> notices;
    private final List<String> labelFiles;
    private final String sha256;
    private final String labelsSha256;
    private final TimeWindow window;
    private final Reading reading;

    private SiteLogs(List<Stream> streams, List<SuricataAlert> alerts, List<ZeekNotice> notices,
                     List<String> labelFiles, String sha256, String labelsSha256, TimeWindow window,
                     Reading reading) {
        this.streams = List.copyOf(streams);
        this.alerts = List.copyOf(alerts);
        this.notices = List.copyOf(notices);
        this.labelFiles = List.copyOf(labelFiles);
        this.sha256 = sha256;
        this.labelsSha256 = labelsSha256;
        this.window = window;
        this.reading = reading;
    }

    /**
     * @param data   the site's connection logs, each PATH (file, folder, glob) one stream
     * @param labels further label files: EVE files with alerts, Zeek notice logs (folders, globs)
     * @throws InputException when a file is missing or unreadable, or a stream has no connection in the window
     */
    public static SiteLogs read(List<String> data, List<String> labels, TimeWindow window, ReadOptions read)
            throws InputException, BadLineException, LabelException {
        MessageDigest digest = newDigest();
        Set<InputFile> hashed = new HashSet<>();
        List<Stream> streams = new ArrayList<>();
        long outside = 0;
        for (String path : data) {
            List<InputFile> files = InputResolver.resolve(List.of(path));
            for (InputFile file : files) {
                if (hashed.add(file)) {
                    digest(file, digest);
                }
            }
            List<Connection> connections = new ArrayList<>();
            long[] skipped = {0};
            new ConnectionReader(read, new ReadStats()).readAll(files, c -> {
                if (window.contains(c)) {
                    connections.add(c);
                } else {
                    skipped[0]++;
                }
            });
            outside += skipped[0];
            if (connections.isEmpty()) {
                throw new InputException(path + ": no connections" + (window.isAll() ? "" : " " + window.describe()));
            }
            streams.add(new Stream(path, connections));
        }
        LabelFiles labelFiles = LabelFiles.find(data, labels);
        List<SuricataAlert> alerts = new ArrayList<>();
        long unreadableAlerts = 0;
        String firstAlertProblem = null;
        for (InputFile file : labelFiles.alerts()) {
            AlertReader.Read r = AlertReader.read(file, read.context().communityId(), alerts::add);
            unreadableAlerts += r.unreadable();
            firstAlertProblem = firstAlertProblem != null || r.firstProblem() == null ? firstAlertProblem
                    : file.displayName() + " " + r.firstProblem();
        }
        List<ZeekNotice> notices = new ArrayList<>();
        long withoutUid = 0;
        long unreadableNotices = 0;
        String firstNoticeProblem = null;
        for (InputFile file : labelFiles.notices()) {
            NoticeReader.Read r = NoticeReader.read(file, notices::add);
            withoutUid += r.withoutUid();
            unreadableNotices += r.unreadable();
            firstNoticeProblem = firstNoticeProblem != null || r.firstProblem() == null ? firstNoticeProblem
                    : file.displayName() + " " + r.firstProblem();
        }
        MessageDigest labelDigest = newDigest();
        for (InputFile file : labelFiles.all()) {
            if (hashed.add(file)) {
                digest(file, labelDigest);
            }
        }
        return new SiteLogs(streams, alerts, notices, labelFiles.all().stream().map(InputFile::displayName).toList(),
                HexFormat.of().formatHex(digest.digest()), HexFormat.of().formatHex(labelDigest.digest()), window,
                new Reading(outside, labelFiles.alerts().size(), unreadableAlerts, firstAlertProblem,
                        labelFiles.notices().size(), withoutUid, unreadableNotices, firstNoticeProblem));
    }

    /** The streams labelled by the site's word, counted by one labeller. */
    public Labelled label(Allowlist allowlist, LabelPolicy policy, ReadOptions read, boolean measuring) {
        SiteLabeller labeller = new SiteLabeller(alerts, notices, allowlist, policy, read.context().localNetworks(),
                measuring);
        List<Stream> labelled = new ArrayList<>();
        for (Stream s : streams) {
            labelled.add(new Stream(s.name(), s.connections().stream().map(c -> c.withTruth(labeller.label(c)))
                    .toList()));
        }
        return new Labelled(labelled, labeller);
    }

    /** The site's streams with every connection's label, and what the labeller counted. */
    public record Labelled(List<Stream> streams, SiteLabeller labeller) {
    }

    public List<Stream> streams() {
        return streams;
    }

    public List<SuricataAlert> alerts() {
        return alerts;
    }

    public List<ZeekNotice> notices() {
        return notices;
    }

    /** The files alerts and notices were read from. */
    public List<String> labelFiles() {
        return labelFiles;
    }

    /** SHA-256 over the bytes of the connection logs, in order (alerts inside them included). */
    public String sha256() {
        return sha256;
    }

    /** SHA-256 over the bytes of the label files that are not connection logs, in order. */
    public String labelsSha256() {
        return labelsSha256;
    }

    public TimeWindow window() {
        return window;
    }

    public Reading reading() {
        return reading;
    }

    public long connections() {
        return streams.stream().mapToLong(s -> s.connections().size()).sum();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void digest(InputFile file, MessageDigest digest) throws InputException {
        if (file.isStdin()) {
            return;
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file.path()), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new InputException(file.displayName() + ": cannot read: " + e.getMessage(), e);
        }
    }
}
