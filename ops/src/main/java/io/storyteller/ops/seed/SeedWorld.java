package io.storyteller.ops.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.world.AddLoreEntry;
import io.storyteller.domain.world.AddWorldMember;
import io.storyteller.domain.world.CreateWorld;
import io.storyteller.domain.world.WorldRole;
import java.io.IOException;
import java.io.InputStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Creates the seed world, its lore and its first players on the first start. The world is
 * made through the same commands a world admin would send, so it is in the event log like any other.
 */
@Component
@EnableConfigurationProperties(SeedProperties.class)
@ConditionalOnProperty(prefix = "storyteller.seed", name = "enabled", havingValue = "true", matchIfMissing = true)
class SeedWorld implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedWorld.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ResourceLoader resources;
    private final SeedProperties properties;

    SeedWorld(CommandGateway commands, EventStore eventStore, ResourceLoader resources, SeedProperties properties) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.resources = resources;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        SeedWorldFile seed = read();
        if (eventStore.lastSequenceNumberFor(seed.worldId()).isPresent()) {
            return;
        }
        Actor platform = Actor.system();
        commands.sendAndWait(new CreateWorld(seed.worldId(), seed.settings(), platform));
        for (SeedWorldFile.SeedLoreEntry entry : seed.lore()) {
            commands.sendAndWait(new AddLoreEntry(seed.worldId(), entry.id(), entry.toContent(), platform));
        }
        for (String member : properties.members()) {
            commands.sendAndWait(new AddWorldMember(seed.worldId(), member, WorldRole.PLAYER, platform));
        }
        log.info("Created the seed world '{}' ({}) with {} lore entries; players: {}",
                seed.settings().name(), seed.worldId(), seed.lore().size(), properties.members());
    }

    private SeedWorldFile read() throws IOException {
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = resources.getResource(properties.resource()).getInputStream()) {
            return mapper.readValue(in, SeedWorldFile.class);
        }
    }
}
