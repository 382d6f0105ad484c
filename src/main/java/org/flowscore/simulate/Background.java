package org.flowscore.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flowscore.flow.Connection;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;

/**
 * Real benign traffic to replay under the attacks: each {@code --background} argument (a file, a folder of
 * rotated logs, a glob) is one stream, read whole through the normal readers and put in start order.
 */
public final class Background {
    private Background() {
    }

    /**
     * @param streams one list of resolved files per stream
     * @return the connections of each stream, in start order
     * @throws InputException when a stream cannot be read or holds no connection
     */
    public static List<List<Connection>> load(List<List<InputFile>> streams, ReadStats stats)
            throws InputException, BadLineException {
        List<List<Connection>> loaded = new ArrayList<>(streams.size());
        for (List<InputFile> files : streams) {
            List<Connection> connections = new ArrayList<>();
            new ConnectionReader(ReadOptions.defaults(), stats).readAll(files, connections::add);
            if (connections.isEmpty()) {
                throw new InputException("background " + files.stream().map(InputFile::displayName).toList()
                        + ": no connections to replay");
            }
            connections.sort(Comparator.comparingLong(Connection::startMicros));
            loaded.add(List.copyOf(connections));
        }
        return List.copyOf(loaded);
    }
}
