package io.storyteller.domain.story;

import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import io.storyteller.domain.world.World;
import io.storyteller.domain.world.WorldLookup;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Who may pin and correct a story's facts: its players, and its world's owner and admins (who
 * moderate its stories) and the platform. The story knows its players; the world knows its admins,
 * so a caller who is not a player is looked up in the world (read only), in one unit of work.
 */
public class StoryFactCuration {

    private final Repository<World> worlds;
    private final Repository<Story> stories;

    public StoryFactCuration(Repository<World> worlds, Repository<Story> stories) {
        this.worlds = worlds;
        this.stories = stories;
    }

    @CommandHandler
    public void handle(PinStoryFact command) {
        Aggregate<Story> story = curated(command.storyId(), command.actor());
        story.execute(s -> s.factBook().pin(command));
    }

    @CommandHandler
    public void handle(CorrectStoryFact command) {
        Aggregate<Story> story = curated(command.storyId(), command.actor());
        story.execute(s -> s.factBook().correct(command));
    }

    private Aggregate<Story> curated(String storyId, Actor actor) {
        Require.present("actor", actor);
        Aggregate<Story> story = stories.load(Require.id("storyId", storyId));
        if (Boolean.TRUE.equals(story.invoke(s -> s.takesPart(actor.userId()))) || AccessPolicy.hasPlatformAuthority(actor)) {
            return story;
        }
        Aggregate<World> world = WorldLookup.load(worlds, "worldId", story.invoke(Story::worldId));
        if (!Boolean.TRUE.equals(world.invoke(w -> w.isManagedBy(actor)))) {
            throw DomainRejection.forbidden("story-participant-or-world-admin",
                    "only the story's players and its world's owner and admins curate its facts");
        }
        return story;
    }
}
