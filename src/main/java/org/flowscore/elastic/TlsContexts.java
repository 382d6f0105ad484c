package org.flowscore.elastic;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context for each way {@link EsTls} can say which certificates to trust; shared by the bulk
 * client and setup's HTTP calls.
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** Null when the JDK's default trust store should decide. */
    public static SSLContext of(EsTls tls) {
        if (tls.caFile() != null) {
            return withTrust(new TrustManager[] {trustStoreManager(readCertificates(tls.caFile()))});
        }
        if (tls.caFingerprint() != null) {
            return withTrust(new TrustManager[] {new FingerprintTrustManager(tls.fingerprintBytes())});
        }
        if (tls.insecure()) {
            return withTrust(new TrustManager[] {new TrustAll()});
        }
        return null;
    }

    static Collection<X509Certificate> readCertificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new EsConnectionException("--es-ca " + pem + " holds no certificate (expected PEM or DER)");
            }
            return certs.stream().map(c -> (X509Certificate) c).toList();
        } catch (NoSuchFileException e) {
            throw new EsConnectionException("--es-ca " + pem + ": no such file");
        } catch (IOException e) {
            throw new EsConnectionException("--es-ca " + pem + ": cannot read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new EsConnectionException("--es-ca " + pem + " is not a certificate file (expected PEM or DER): "
                    + e.getMessage(), e);
        }
    }

    /** The JDK's own PKIX validation with the given certificates as the only trust anchors. */
    static X509TrustManager trustStoreManager(Collection<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate c : anchors) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("the JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store: " + e.getMessage(), e);
        }
    }

    private static SSLContext withTrust(TrustManager[] managers) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, managers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * For --insecure only: the user asked for it and was warned. An extended trust manager, because the JDK
     * wraps a plain one in a host name check, which --insecure switches off too.
     */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
