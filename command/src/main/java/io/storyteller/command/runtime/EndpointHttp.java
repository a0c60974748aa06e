package io.storyteller.command.runtime;

import io.storyteller.command.endpoint.ProviderEndpoint;
import java.net.http.HttpClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/** The HTTP clients of one endpoint, blocking and reactive, on one JDK client with the endpoint's timeouts. */
record EndpointHttp(RestClient.Builder rest, WebClient.Builder web) {

    static EndpointHttp of(ProviderEndpoint endpoint) {
        // HTTP/1.1: no h2c upgrade dance with plain-HTTP servers (a local vLLM or Ollama).
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(endpoint.readTimeout());
        JdkClientHttpConnector connector = new JdkClientHttpConnector(http);
        connector.setReadTimeout(endpoint.readTimeout());
        return new EndpointHttp(RestClient.builder().requestFactory(requests), WebClient.builder().clientConnector(connector));
    }
}
