package io.storyteller.ops.cli;

import io.storyteller.graphql.security.LocalSigningKey;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.load.LoadPlan;
import io.storyteller.ops.load.LoadRun;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A load run against a server on this machine: a fresh world, N GraphQL WebSocket sessions each
 * watching a story, P players acting, then connected / dropped / events / latency / errors / memory.
 * Tokens are minted with the server's local key under the data directory, as {@code token} does.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load-test a Storyteller server running on this machine (loopback only) with GraphQL WebSocket subscribers.",
                "Creates a world, players and stories, opens --sessions subscriptions of storyEvents, lets --players of them",
                "act (submit an action, wait for its narration) at --rate actions/s in all for --duration, and reports",
                "connected / dropped sessions, events, delivery latency (NarrationRecorded timestamp -> beat received),",
                "action -> narration latency, errors and the server's resident memory (with --server-pid).",
                "Needs the server's embedded local issuer (its data directory's signing key)."})
class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--server", defaultValue = "http://localhost:8080",
            description = "The server, on a loopback address (default: ${DEFAULT-VALUE}).")
    URI server;

    @Option(names = "--sessions", defaultValue = "100", description = "WebSocket sessions to open (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--players", defaultValue = "10",
            description = "Sessions whose owner also plays; in --broadcast mode 0 or 1 (default: ${DEFAULT-VALUE}).")
    int players;

    @Option(names = "--users", defaultValue = "200",
            description = "Distinct player users owning the stories, round-robin (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--rate", defaultValue = "10",
            description = "Actions per second, all players together; each player also waits for its narration (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long the players play, e.g. 90s, 5m (default: 60s).")
    Duration duration;

    @Option(names = "--max-actions", defaultValue = "0", description = "Stop after this many actions; 0 = no limit (default: ${DEFAULT-VALUE}).")
    long maxActions;

    @Option(names = "--broadcast", description = "All sessions watch one story (a party story) instead of one story each.")
    boolean broadcast;

    @Option(names = "--connect-parallelism", defaultValue = "200",
            description = "Handshakes in flight at once (default: ${DEFAULT-VALUE}).")
    int connectParallelism;

    @Option(names = "--settle", defaultValue = "3s", converter = DurationConverter.class,
            description = "Pause between the last connection and the first action, for subscriptions to start (default: 3s).")
    Duration settle;

    @Option(names = "--narration-timeout", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long a player waits for its narration before counting an error (default: 60s).")
    Duration narrationTimeout;

    @Option(names = "--server-pid", description = "The server's process id, to report its resident memory and threads.")
    Long serverPid;

    @Option(names = "--data-dir", defaultValue = "${env:STORYTELLER_DATA_DIR:-./data}",
            description = "The server's storyteller.data-dir, whose local key signs the tokens (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        LoadPlan plan;
        try {
            if (broadcast && players > 1) {
                throw new IllegalArgumentException("--players must be 0 or 1 with --broadcast: a story narrates one action at a time");
            }
            plan = new LoadPlan(server, sessions, players, users, rate, duration, maxActions, broadcast,
                    connectParallelism, settle, narrationTimeout);
        } catch (IllegalArgumentException refused) {
            spec.commandLine().getErr().println(refused.getMessage());
            return 2;
        }
        Path keyFile = dataDir.resolve("keys").resolve("jwt-signing.json");
        if (!keyFile.toFile().isFile()) {
            spec.commandLine().getErr().println("--data-dir: no signing key at " + keyFile + " (start the server on its embedded issuer first)");
            return 2;
        }
        TokenMinter minter = new TokenMinter(LocalSigningKey.loadOrCreate(keyFile).key(), Clock.systemUTC());
        new LoadRun(plan, minter, serverPid == null ? OptionalLong.empty() : OptionalLong.of(serverPid),
                spec.commandLine().getOut()).run();
        return 0;
    }
}
