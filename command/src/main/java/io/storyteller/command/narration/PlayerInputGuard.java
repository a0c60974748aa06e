package io.storyteller.command.narration;

import io.storyteller.command.narration.context.NarrationContexts;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.TextRules;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.story.SubmitPlayerAction;
import io.storyteller.domain.world.ContentRating;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a player's action against the world's content rating before the story takes it: an
 * action the rating does not allow is refused ({@code text}, rule {@code content-rating:<RATING>},
 * naming the categories) and nothing is written. A story or world the narrator does not know yet is
 * left to the Story aggregate to refuse, and so is an actor who is not one of the story's players
 * (the story's own refusal must not be pre-empted by one that reveals the world's rating). The log
 * line names the categories, never the text.
 */
public class PlayerInputGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(PlayerInputGuard.class);

    private final NarrationContexts contexts;
    private final HarmGuard guard;
    private final Recall recall;

    /** @param recall given each action the story took, to start the turn's recall while it is stored */
    public PlayerInputGuard(NarrationContexts contexts, HarmGuard guard, Recall recall) {
        this.contexts = contexts;
        this.guard = guard;
        this.recall = recall;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof SubmitPlayerAction action && action.text() != null
                && !action.text().isBlank()) {
            Optional<NarrationContexts.WorldOfStory> world = contexts.worldOf(action.storyId());
            // Only a player of the story is judged: anyone else is refused by the story, saying no more.
            if (world.isPresent() && action.actor() != null
                    && world.get().participants().contains(action.actor().userId())) {
                ContentRating rating = world.get().settings().contentRating();
                HarmVerdict verdict = guard.checkFor(world.get().worldId(), action.storyId(), rating, action.text(),
                        HarmGuard.Source.PLAYER);
                if (!verdict.allowed()) {
                    log.info("Player action in story {} refused at {}: {}", action.storyId(), rating, verdict.breaches());
                    throw DomainRejection.invalid("text", "content-rating:" + rating,
                            "this world's content rating (" + rating + ") does not allow this action: "
                                    + String.join(", ", verdict.breaches()));
                }
                String worldId = world.get().worldId();
                int beatsBefore = world.get().beats();
                unitOfWork.afterCommit(committed ->
                        recall.prepare(worldId, action.storyId(), storedText(action.text()), beatsBefore));
            }
        }
        return chain.proceed();
    }

    /** The action's text as the story stores it (stripped, NFC): the text the turn's recall embeds. */
    private static String storedText(String text) {
        try {
            return TextRules.checkedText("text", text.strip());
        } catch (DomainRejection e) {
            return null; // the story refused it, so no turn follows
        }
    }
}
