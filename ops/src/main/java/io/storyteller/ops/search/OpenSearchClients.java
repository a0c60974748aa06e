package io.storyteller.ops.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.util.StringUtils;

/** Builds the OpenSearch Java client (Apache HttpClient 5 transport, Jackson mapping) for an endpoint. */
final class OpenSearchClients {

    private OpenSearchClients() {
    }

    static OpenSearchClient create(SearchEndpoint endpoint, OpenSearchProperties properties) {
        HttpHost[] hosts = endpoint.uris().stream().map(OpenSearchClients::host).toArray(HttpHost[]::new);
        SSLContext tls = endpoint.embedded() ? null : SearchTls.context(properties).orElse(null);
        // its own mapper: the web layer's JSON settings must not change what is sent to OpenSearch
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        var transport = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper(mapper))
                .setHttpClientConfigCallback(http -> {
                    var connections = PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(32)
                            .setMaxConnPerRoute(32)
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                    .setSocketTimeout(Timeout.of(properties.socketTimeout()))
                                    .build());
                    if (tls != null) {
                        connections.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).buildAsync());
                    }
                    http.setConnectionManager(connections.build());
                    if (!endpoint.embedded() && StringUtils.hasText(properties.username())) {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        String password = properties.password() == null ? "" : properties.password();
                        for (HttpHost host : hosts) {
                            credentials.setCredentials(new AuthScope(host),
                                    new UsernamePasswordCredentials(properties.username(), password.toCharArray()));
                        }
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    return http;
                })
                .setRequestConfigCallback(request -> request
                        .setResponseTimeout(Timeout.of(properties.socketTimeout())))
                .build();
        return new OpenSearchClient(transport);
    }

    private static HttpHost host(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 9200);
        return new HttpHost(uri.getScheme(), uri.getHost(), port);
    }
}
