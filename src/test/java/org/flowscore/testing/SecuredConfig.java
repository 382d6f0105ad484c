package org.flowscore.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Security for the second test server, made the way an administrator would, with the distribution's own
 * tools run as the server's user: a CA and a node certificate for 127.0.0.1 from
 * {@code elasticsearch-certutil}, a file-realm superuser from {@code elasticsearch-users}, and a
 * {@code elastic/fleet-server} service-account token from {@code elasticsearch-service-tokens}. The node
 * certificate file also holds the CA, so the server sends the whole chain (what CA-fingerprint pinning
 * needs). Elasticsearch reads TLS files only from its config folder, so they live in {@code config/certs}.
 */
public final class SecuredConfig {
    static final String SETTINGS = String.join("\n",
            "xpack.security.enabled: true",
            "xpack.security.http.ssl.enabled: true",
            "xpack.security.http.ssl.key: certs/node/node.key",
            "xpack.security.http.ssl.certificate: certs/chain.crt");
    private static final String USER = "flowscore-test";
    private static final Pattern TOKEN = Pattern.compile("SERVICE_TOKEN \\S+ = (\\S+)");

    /** What a client needs to get in. */
    public record Credentials(Path caFile, String caFingerprint, String user, String password, String serviceToken) {
        /** Trusts the test CA only. */
        public SSLContext sslContext() {
            try (InputStream in = Files.newInputStream(caFile)) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(store);
                SSLContext ssl = SSLContext.getInstance("TLS");
                ssl.init(null, tmf.getTrustManagers(), null);
                return ssl;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot load the test CA " + caFile, e);
            }
        }

        public String basicHeader() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        /** A JDK client that trusts the test CA. */
        public HttpClient httpClient() {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(sslContext()).build();
        }
    }

    private SecuredConfig() {
    }

    static Credentials apply(Path home, Path config, boolean root) throws IOException {
        Path certs = Files.createDirectories(config.resolve("certs"));
        if (root) {
            UnprivilegedUser.own(certs);
        }
        tool(home, config, root, "elasticsearch-certutil", "ca", "--pem", "--silent", "--out",
                certs.resolve("ca.zip").toString());
        unzip(certs.resolve("ca.zip"), certs);
        Path caCrt = certs.resolve("ca/ca.crt");
        tool(home, config, root, "elasticsearch-certutil", "cert", "--pem", "--silent",
                "--ca-cert", caCrt.toString(), "--ca-key", certs.resolve("ca/ca.key").toString(),
                "--name", "node", "--ip", "127.0.0.1", "--dns", "localhost", "--out", certs.resolve("node.zip").toString());
        unzip(certs.resolve("node.zip"), certs);
        Files.writeString(certs.resolve("chain.crt"),
                Files.readString(certs.resolve("node/node.crt")) + Files.readString(caCrt));
        if (root) {
            UnprivilegedUser.own(certs);
        }
        String password = "pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        tool(home, config, root, "elasticsearch-users", "useradd", USER, "-p", password, "-r", "superuser");
        String created = tool(home, config, root, "elasticsearch-service-tokens", "create", "elastic/fleet-server",
                "flowscore-test");
        Matcher m = TOKEN.matcher(created);
        if (!m.find()) {
            throw new IOException("elasticsearch-service-tokens printed no token: " + created);
        }
        return new Credentials(caCrt, fingerprint(caCrt), USER, password, m.group(1));
    }

    /** The SHA-256 of the certificate's DER bytes, as {@code openssl x509 -fingerprint -sha256} shows it. */
    static String fingerprint(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + pem + ": " + e.getMessage(), e);
        }
    }

    private static String tool(Path home, Path config, boolean root, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve(name).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(root ? UnprivilegedUser.as(command) : command).redirectErrorStream(true);
        ElasticsearchServer.toolEnvironment(pb.environment(), config);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        try {
            int code = p.waitFor();
            if (code != 0) {
                throw new IOException(name + " " + args[0] + " failed with exit code " + code + ":\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + name, e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry escapes the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }
}
