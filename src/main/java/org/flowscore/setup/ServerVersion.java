package org.flowscore.setup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version an Elasticsearch server reports, read from {@code GET /} or, where that is not allowed, from
 * {@code GET /_nodes/_local}. flowscore supports the 8.x and 9.x lines: the templates use their mapping
 * and data-stream features, and the Java client speaks to both.
 *
 * @param number       as reported, e.g. {@code 8.19.21}
 * @param major        first number
 * @param distribution {@code elasticsearch}, or another product answering in its place (OpenSearch)
 */
public record ServerVersion(String number, int major, String distribution) {
    private static final Pattern NUMBER = Pattern.compile("(\\d+)\\.\\d+.*");

    public boolean supported() {
        return distribution.equals("elasticsearch") && (major == 8 || major == 9);
    }

    /** From the body of {@code GET /}; null when the body is not Elasticsearch's. */
    public static ServerVersion fromRoot(JsonNode root) {
        if (root == null || !root.path("version").path("number").isTextual()) {
            return null;
        }
        String distribution = root.path("version").path("distribution").asText("elasticsearch");
        return of(root.path("version").path("number").asText(), distribution);
    }

    /** From the body of {@code GET /_nodes/_local}; null when it names no node with a version. */
    public static ServerVersion fromLocalNode(JsonNode nodes) {
        if (nodes == null) {
            return null;
        }
        for (JsonNode node : nodes.path("nodes")) {
            return node.path("version").isTextual() ? of(node.path("version").asText(), "elasticsearch") : null;
        }
        return null;
    }

    private static ServerVersion of(String number, String distribution) {
        Matcher m = NUMBER.matcher(number);
        return m.matches() ? new ServerVersion(number, Integer.parseInt(m.group(1)), distribution) : null;
    }

    /** Why flowscore refuses this server, for the user. */
    public String refusal(String url) {
        if (!distribution.equals("elasticsearch")) {
            return url + " is " + distribution + " " + number + ", not Elasticsearch: flowscore needs"
                    + " Elasticsearch 8.x or 9.x";
        }
        return url + " runs Elasticsearch " + number + ", which flowscore does not support: use Elasticsearch"
                + " 8.x or 9.x";
    }
}
