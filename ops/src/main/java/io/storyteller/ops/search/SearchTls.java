package io.storyteller.ops.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS trust for an external cluster: its CA from a trust store or a PEM file; none means the JVM's defaults. */
final class SearchTls {

    private SearchTls() {
    }

    static Optional<SSLContext> context(OpenSearchProperties properties) {
        try {
            if (properties.trustStore() != null) {
                KeyStore store = KeyStore.getInstance(properties.trustStore().toFile(), password(properties));
                return Optional.of(trusting(store));
            }
            if (properties.caCertificate() != null) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int index = 0;
                for (Certificate certificate : pem(properties)) {
                    store.setCertificateEntry("ca-" + index++, certificate);
                }
                return Optional.of(trusting(store));
            }
            return Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("storyteller.opensearch TLS trust could not be loaded: " + e.getMessage(), e);
        }
    }

    private static char[] password(OpenSearchProperties properties) {
        return properties.trustStorePassword() == null ? new char[0] : properties.trustStorePassword().toCharArray();
    }

    private static Collection<? extends Certificate> pem(OpenSearchProperties properties)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(properties.caCertificate())) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }

    private static SSLContext trusting(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
