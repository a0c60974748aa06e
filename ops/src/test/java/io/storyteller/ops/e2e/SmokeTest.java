package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@EndToEnd
class SmokeTest {

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Test
    void aCallerSeesWhoTheyAre() {
        String user = new Api(port, minter).as("alice", PlatformRole.PLAYER)
                .document("{ me { userId } }").retrieve("me.userId").toEntity(String.class).block(Api.timeout());
        assertThat(user).isEqualTo("alice");
    }
}
