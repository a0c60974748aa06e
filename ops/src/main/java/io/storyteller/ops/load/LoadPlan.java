package io.storyteller.ops.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * What one load run does: {@code sessions} WebSocket subscribers, each on its own story or all on
 * one ({@code broadcast}), {@code players} of them acting at most {@code rate} actions a second in
 * all, for {@code duration} or until {@code maxActions} actions, against a server on this machine.
 */
public record LoadPlan(URI server,
        int sessions,
        int players,
        int users,
        double rate,
        Duration duration,
        long maxActions,
        boolean broadcast,
        int connectParallelism,
        Duration settle,
        Duration narrationTimeout) {

    /** Refuses a plan that cannot run or that would aim at another machine; the message names the option. */
    public LoadPlan {
        require(server != null && ("http".equals(server.getScheme()) || "https".equals(server.getScheme()))
                && server.getHost() != null, "--server must be an http(s) address such as http://localhost:8080");
        require(sessions >= 1, "--sessions must be at least 1");
        require(players >= 0 && players <= sessions, "--players must lie between 0 and --sessions (" + sessions + ")");
        require(users >= 1, "--users must be at least 1");
        require(rate > 0, "--rate must be positive (actions per second, all players together)");
        require(!duration.isNegative() && !duration.isZero(), "--duration must be positive");
        require(maxActions >= 0, "--max-actions must not be negative (0 = no limit)");
        require(connectParallelism >= 1, "--connect-parallelism must be at least 1");
        require(!settle.isNegative(), "--settle must not be negative");
        require(!narrationTimeout.isNegative() && !narrationTimeout.isZero(), "--narration-timeout must be positive");
        requireLoopback(server.getHost());
    }

    /** The GraphQL WebSocket address of the server. */
    public URI webSocket() {
        return URI.create(("https".equals(server.getScheme()) ? "wss" : "ws") + "://" + server.getRawAuthority() + "/graphql");
    }

    /** The GraphQL HTTP address of the server. */
    public URI graphQl() {
        return URI.create(server.getScheme() + "://" + server.getRawAuthority() + "/graphql");
    }

    /** How long a player waits between its actions so that all players together keep to {@code rate}. */
    public Duration actionInterval() {
        return players == 0 ? Duration.ZERO : Duration.ofNanos((long) (players / rate * 1e9));
    }

    /** A load run opens thousands of connections: it may only ever aim at this machine. */
    static void requireLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                require(address.isLoopbackAddress(), "--server must be on this machine (a loopback address such as "
                        + "localhost or 127.0.0.1): " + host + " resolves to " + address.getHostAddress());
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--server: unknown host " + host);
        }
    }

    private static void require(boolean holds, String message) {
        if (!holds) {
            throw new IllegalArgumentException(message);
        }
    }
}
