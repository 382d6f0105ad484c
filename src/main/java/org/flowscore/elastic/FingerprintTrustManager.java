package org.flowscore.elastic;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a server by a pinned SHA-256 fingerprint, as Elastic Agent's {@code ca_trusted_fingerprint}
 * does: when a CA certificate in the chain the server sends matches, the chain must validate up to it
 * (so an expired or foreign leaf is still refused); when the leaf itself matches, it is trusted as pinned.
 * Unlike the client library's own fingerprint helper, the match may be anywhere in the chain, because
 * Elasticsearch sends whatever its certificate file holds, not always ending at the CA.
 */
final class FingerprintTrustManager implements X509TrustManager {
    private final byte[] fingerprint;

    FingerprintTrustManager(byte[] fingerprint) {
        this.fingerprint = fingerprint.clone();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        if (MessageDigest.isEqual(fingerprint, sha256(chain[0]))) {
            chain[0].checkValidity();
            return;
        }
        for (int i = 1; i < chain.length; i++) {
            if (MessageDigest.isEqual(fingerprint, sha256(chain[i]))) {
                TlsContexts.trustStoreManager(List.of(chain[i])).checkServerTrusted(chain, authType);
                return;
            }
        }
        throw new CertificateException("no certificate the server sent matches --es-ca-fingerprint "
                + HexFormat.of().formatHex(fingerprint) + " (the server's certificate is issued by "
                + chain[chain.length - 1].getIssuerX500Principal().getName() + ")");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    static byte[] sha256(X509Certificate certificate) throws CertificateEncodingException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
