package io.storyteller.ops.search;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code storyteller.opensearch.*}. Without {@code uris} the application starts an
 * embedded node under {@code ${storyteller.data-dir}/opensearch}; with them it uses that cluster.
 *
 * @param uris               the external cluster's nodes, e.g. {@code https://search-1:9200}
 * @param username           basic-auth user of the external cluster (none when blank)
 * @param password           basic-auth password
 * @param trustStore         a JKS/PKCS12 trust store holding the cluster's CA (for {@code https} uris)
 * @param trustStorePassword the trust store's password
 * @param caCertificate      alternatively, the cluster's CA certificate as a PEM file
 * @param connectTimeout     how long to wait for a connection
 * @param socketTimeout      how long to wait for an answer
 * @param startupTimeout     how long the embedded node may take to turn yellow
 */
@ConfigurationProperties("storyteller.opensearch")
public record OpenSearchProperties(
        @DefaultValue List<URI> uris,
        String username,
        String password,
        Path trustStore,
        String trustStorePassword,
        Path caCertificate,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration socketTimeout,
        @DefaultValue("120s") Duration startupTimeout) {

    public OpenSearchProperties {
        uris = uris == null ? List.of() : List.copyOf(uris);
        for (URI uri : uris) {
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("storyteller.opensearch.uris must be http(s)://host[:port], was " + uri);
            }
        }
        if (trustStore != null && caCertificate != null) {
            throw new IllegalArgumentException("storyteller.opensearch: set trust-store or ca-certificate, not both");
        }
    }

    /** True when an external cluster is configured. */
    public boolean external() {
        return !uris.isEmpty();
    }
}
