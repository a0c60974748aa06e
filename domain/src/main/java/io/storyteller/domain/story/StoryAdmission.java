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
 * Admits players into stories. Who may start or join a story is the world's decision, so these
 * commands load the world (read only) and then create or change the story, in one unit of work.
 */
public class StoryAdmission {

    private final Repository<World> worlds;
    private final Repository<Story> stories;

    public StoryAdmission(Repository<World> worlds, Repository<Story> stories) {
        this.worlds = worlds;
        this.stories = stories;
    }

    @CommandHandler
    public String handle(StartStory command) throws Exception {
        String storyId = Require.id("storyId", command.storyId());
        Actor actor = Require.present("actor", command.actor());
        requireAdmitted(Require.id("worldId", command.worldId()), actor.userId(), "actor");
        Require.text("title", command.title(), 200);
        stories.newInstance(() -> new Story(command));
        return storyId;
    }

    @CommandHandler
    public void handle(InviteParticipant command) {
        Aggregate<Story> story = stories.load(command.storyId());
        story.execute(s -> s.requireInviter(command.actor()));
        String userId = Require.id("userId", command.userId());
        requireAdmitted(story.invoke(Story::worldId), userId, "userId");
        story.execute(s -> s.invite(command));
    }

    private void requireAdmitted(String worldId, String userId, String field) {
        Aggregate<World> world = WorldLookup.load(worlds, "worldId", worldId);
        if (Boolean.TRUE.equals(world.invoke(World::isArchived))) {
            throw DomainRejection.conflict("worldId", "not-archived", "world " + worldId + " is archived");
        }
        if (!Boolean.TRUE.equals(world.invoke(w -> w.admitsPlayer(userId)))) {
            throw "actor".equals(field)
                    ? DomainRejection.forbidden("world-member", "only members of world " + worldId + " start stories in it")
                    : DomainRejection.invalid(field, "world-member", userId + " is not a member of world " + worldId);
        }
    }
}
