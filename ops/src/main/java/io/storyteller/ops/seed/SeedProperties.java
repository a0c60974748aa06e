package io.storyteller.ops.seed;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The world created on first start so a newcomer can play at once.
 *
 * @param enabled whether to create it when it does not exist yet
 * @param resource the seed world file
 * @param members users made players of the seed world
 */
@ConfigurationProperties("storyteller.seed")
public record SeedProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("classpath:seed/lantern-coast.json") String resource,
        @DefaultValue("player") List<String> members) {
}
