package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import io.storyteller.domain.world.World;
import io.storyteller.domain.world.WorldLookup;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Moderation of a story's beats by those who manage its world. Who manages a world is the world's
 * fact, so the command loads the world (read only) before the story records the flag.
 */
public class BeatModeration {

    private final Repository<World> worlds;
    private final Repository<Story> stories;

    public BeatModeration(Repository<World> worlds, Repository<Story> stories) {
        this.worlds = worlds;
        this.stories = stories;
    }

    @CommandHandler
    public void handle(FlagBeat command) {
        Actor actor = Require.present("actor", command.actor());
        Aggregate<Story> story = stories.load(Require.id("storyId", command.storyId()));
        Aggregate<World> world = WorldLookup.load(worlds, "worldId", story.invoke(Story::worldId));
        if (!Boolean.TRUE.equals(world.invoke(w -> w.isManagedBy(actor)))) {
            throw DomainRejection.forbidden("role:world-admin", "only the world's owner and admins, or a platform admin, flag beats");
        }
        story.execute(s -> s.flag(command));
    }
}
