package org.flowscore.elastic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * How flowscore proves who it is to Elasticsearch. Secrets come from environment variables only: a command
 * line flag would show in {@code ps} and in shell history. {@link #toString()} never shows a secret, so an
 * auth value can be logged or put in an error message safely.
 */
public sealed interface EsAuth {
    String USERNAME = "FLOWSCORE_ES_USERNAME";
    String PASSWORD = "FLOWSCORE_ES_PASSWORD";
    String API_KEY = "FLOWSCORE_ES_API_KEY";
    String BEARER_TOKEN = "FLOWSCORE_ES_BEARER_TOKEN";

    /** No credentials: a cluster with security off, or a proxy that adds them. */
    record None() implements EsAuth {
        @Override
        public String toString() {
            return "no credentials";
        }
    }

    /** A user name and password (file or native realm). */
    record Basic(String user, String password) implements EsAuth {
        @Override
        public String toString() {
            return "user " + user + " (password from " + PASSWORD + ")";
        }
    }

    /** An API key as Elasticsearch returns it base64-encoded ({@code encoded}), sent as {@code ApiKey ...}. */
    record ApiKey(String encoded) implements EsAuth {
        @Override
        public String toString() {
            return "API key from " + API_KEY;
        }
    }

    /** A bearer token, e.g. a service-account token, sent as {@code Bearer ...}. */
    record Bearer(String token) implements EsAuth {
        @Override
        public String toString() {
            return "bearer token from " + BEARER_TOKEN;
        }
    }

    /** The {@code Authorization} header that carries these credentials, or null when there are none. */
    default String authorization() {
        return switch (this) {
            case None ignored -> null;
            case Basic basic -> "Basic " + Base64.getEncoder().encodeToString(
                    (basic.user() + ":" + basic.password()).getBytes(StandardCharsets.UTF_8));
            case ApiKey key -> "ApiKey " + key.encoded();
            case Bearer bearer -> "Bearer " + bearer.token();
        };
    }

    /**
     * The credentials the environment gives; more than one kind, or half a user/password pair, is refused
     * rather than guessed at.
     */
    static EsAuth fromEnvironment(Map<String, String> env) {
        String user = nonBlank(env.get(USERNAME));
        String password = nonBlank(env.get(PASSWORD));
        String apiKey = nonBlank(env.get(API_KEY));
        String bearer = nonBlank(env.get(BEARER_TOKEN));
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException(user == null
                    ? PASSWORD + " is set but " + USERNAME + " is not"
                    : USERNAME + " is set but " + PASSWORD + " is not");
        }
        List<EsAuth> given = new ArrayList<>();
        if (user != null) {
            given.add(new Basic(user, password));
        }
        if (apiKey != null) {
            given.add(new ApiKey(apiKey));
        }
        if (bearer != null) {
            given.add(new Bearer(bearer));
        }
        if (given.size() > 1) {
            throw new IllegalArgumentException("more than one kind of Elasticsearch credentials in the environment ("
                    + given + "): set only one of " + USERNAME + "/" + PASSWORD + ", " + API_KEY + ", "
                    + BEARER_TOKEN);
        }
        return given.isEmpty() ? new None() : given.getFirst();
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
