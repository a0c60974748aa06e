package io.storyteller.ops.e2e;

import io.storyteller.graphql.security.TokenMinter;
import java.nio.file.Path;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rollout scenario on the shared rollout application: each test gets a fresh cast of callers and worlds. */
@RolloutEndToEnd
abstract class RolloutScenario {

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    EventStore eventStore;

    @Value("${storyteller.data-dir}")
    Path dataDir;

    RolloutFixture cast;

    @BeforeEach
    void cast() {
        cast = new RolloutFixture(port, minter, dataDir, eventStore);
    }
}
