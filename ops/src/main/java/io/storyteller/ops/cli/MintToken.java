package io.storyteller.ops.cli;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.LocalSigningKey;
import io.storyteller.graphql.security.TokenMinter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Mints an access token signed with the embedded run's local key, so a newcomer can call the API.
 * It reads (or creates) the same key file the server uses; no server needs to run.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Mint an access token for the embedded run (local signing key under the data directory).")
class MintToken implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--user", required = true, description = "The user id (the token's subject).")
    String user;

    @Option(names = "--role", split = ",", defaultValue = "PLAYER",
            description = "Platform roles, repeated or comma-separated: PLAYER, WORLD_ADMIN, PLATFORM_ADMIN, MODEL_MANAGER (default: ${DEFAULT-VALUE}).")
    List<PlatformRole> roles;

    @Option(names = "--ttl", defaultValue = "PT12H", converter = DurationConverter.class,
            description = "How long the token is valid, e.g. 30m, 12h, 7d (default: 12h).")
    Duration ttl;

    @Option(names = "--data-dir", defaultValue = "${env:STORYTELLER_DATA_DIR:-./data}",
            description = "The server's storyteller.data-dir (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() {
        if (roles.contains(PlatformRole.SYSTEM)) {
            spec.commandLine().getErr().println("--role: SYSTEM belongs to the platform and is never granted by a token");
            return 2;
        }
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dataDir.resolve("keys").resolve("jwt-signing.json"));
        String token = new TokenMinter(key.key(), Clock.systemUTC()).mint(user, EnumSet.copyOf(roles), ttl);
        spec.commandLine().getOut().println(token);
        return 0;
    }
}
