package org.flowscore.cli;

import java.nio.file.Path;
import java.util.Map;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Which server certificates to trust and which credentials to send, for every command that talks to
 * Elasticsearch. Credentials are deliberately not options: a flag's value shows in {@code ps} and shell
 * history, so they come from FLOWSCORE_ES_USERNAME/FLOWSCORE_ES_PASSWORD, FLOWSCORE_ES_API_KEY or
 * FLOWSCORE_ES_BEARER_TOKEN.
 */
final class EsTrustOptions {
    @Option(names = "--es-ca", paramLabel = "FILE",
            description = "Trust the server certificates this CA (PEM) signed, e.g. Elasticsearch's http_ca.crt.")
    Path caFile;

    @Option(names = "--es-ca-fingerprint", paramLabel = "HEX",
            description = "Trust the CA (or certificate) with this SHA-256 fingerprint, as Kibana and Elastic Agent take it.")
    String caFingerprint;

    @Option(names = "--insecure",
            description = "Do not check the server's certificate or host name (tests only; a warning is printed).")
    boolean insecure;

    EsTls tls(CommandLine commandLine) {
        try {
            return new EsTls(caFile, caFingerprint, insecure);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    /** The credentials in the environment; a usage error when they contradict each other. */
    static EsAuth auth(CommandLine commandLine, Map<String, String> environment) {
        try {
            return EsAuth.fromEnvironment(environment);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
