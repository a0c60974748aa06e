package io.storyteller.ops.e2e;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * Calls the real GraphQL endpoint as a given user, with a token minted by the application's own
 * local issuer: over HTTP for queries and mutations, over a WebSocket for subscriptions.
 */
public final class Api {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final TokenMinter minter;

    public Api(int port, TokenMinter minter) {
        this.port = port;
        this.minter = minter;
    }

    public String token(String userId, PlatformRole... roles) {
        return minter.mint(userId, roles.length == 0 ? EnumSet.noneOf(PlatformRole.class) : EnumSet.of(roles[0], roles),
                Duration.ofHours(1));
    }

    /** A client whose every request carries the user's bearer token. */
    public HttpGraphQlClient as(String userId, PlatformRole... roles) {
        return withToken(token(userId, roles));
    }

    public HttpGraphQlClient withToken(String token) {
        return anonymous().mutate().header("Authorization", "Bearer " + token).build();
    }

    /** A client that sends no token at all. */
    public HttpGraphQlClient anonymous() {
        WebClient web = WebClient.builder().baseUrl("http://localhost:" + port + "/graphql").build();
        return HttpGraphQlClient.builder(web).build();
    }

    /** A subscription client authenticating in the {@code connection_init} payload, as browsers must. */
    public WebSocketGraphQlClient subscriber(String userId, PlatformRole... roles) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .interceptor(new BearerInit("Bearer " + token(userId, roles)))
                .keepAlive(Duration.ofSeconds(10))
                .build();
    }

    /** Sends the token in {@code connection_init}, where the server's subscription authentication looks for it. */
    private record BearerInit(String authorization) implements WebSocketGraphQlClientInterceptor {

        @Override
        public Mono<Object> connectionInitPayload() {
            return Mono.just(Map.of("Authorization", authorization));
        }
    }

    public static Duration timeout() {
        return TIMEOUT;
    }
}
