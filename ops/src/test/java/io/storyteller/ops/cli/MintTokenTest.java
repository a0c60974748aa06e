package io.storyteller.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.storyteller.graphql.security.LocalSigningKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MintTokenTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new StorytellerCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aTokenIsSignedWithTheServersLocalKeyAndCarriesTheUserAndRoles() throws Exception {
        int exit = run("token", "--user", "alice", "--role", "player,world_admin", "--ttl", "2h",
                "--data-dir", dataDir.toString());

        assertThat(exit).isZero();
        SignedJWT jwt = SignedJWT.parse(out.toString().strip());
        var key = LocalSigningKey.loadOrCreate(dataDir.resolve("keys/jwt-signing.json")).key();
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactlyInAnyOrder("PLAYER", "WORLD_ADMIN");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("storyteller-local");
        Instant expiry = jwt.getJWTClaimsSet().getExpirationTime().toInstant();
        assertThat(Duration.between(Instant.now(), expiry)).isBetween(Duration.ofMinutes(115), Duration.ofMinutes(121));
    }

    @Test
    void theSystemRoleIsNeverGranted() {
        int exit = run("token", "--user", "mallory", "--role", "SYSTEM", "--data-dir", dataDir.toString());

        assertThat(exit).isNotZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("--role").contains("SYSTEM");
    }

    @Test
    void anUnknownRoleOrDurationIsAClearUsageError() {
        assertThat(run("token", "--user", "bob", "--role", "WIZARD", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--role").contains("WIZARD");

        assertThat(run("token", "--user", "bob", "--ttl", "soon", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }

    @Test
    void aUserIsRequired() {
        assertThat(run("token", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--user");
    }

    @Test
    void serverOptionsAreNotMistakenForTools() {
        assertThat(StorytellerCommand.isToolInvocation(new String[] {})).isFalse();
        assertThat(StorytellerCommand.isToolInvocation(new String[] {"--server.port=8081"})).isFalse();
        assertThat(StorytellerCommand.isToolInvocation(new String[] {"token", "--user", "a"})).isTrue();
        assertThat(StorytellerCommand.isToolInvocation(new String[] {"--help"})).isTrue();
    }
}
