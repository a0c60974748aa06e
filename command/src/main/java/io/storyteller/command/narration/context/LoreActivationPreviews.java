package io.storyteller.command.narration.context;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.world.LoreActivationView;
import io.storyteller.domain.world.PreviewLoreActivation;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers what a sample text would activate in a world's lore, by the very selection a turn makes
 * ({@link LoreSelector}) over the lorebook the narrator keeps, with the text as the only scanned
 * one and the lore's share of the prompt as its budget.
 */
public class LoreActivationPreviews {

    /** A sample action, not a chapter: as long as a player's action may be. */
    static final int MAX_TEXT = 4000;

    private final NarrationContexts contexts;
    private final int loreBudget;

    public LoreActivationPreviews(NarrationContexts contexts, PromptSettings settings) {
        this.contexts = contexts;
        this.loreBudget = (int) (settings.contextTokens() * ContextAssembler.LORE_SHARE);
    }

    @QueryHandler
    public List<LoreActivationView> handle(PreviewLoreActivation query) {
        if (query.text() == null || query.text().isBlank()) {
            throw DomainRejection.invalid("text", "required", "text is required: the sample action to preview");
        }
        if (query.text().length() > MAX_TEXT) {
            throw DomainRejection.invalid("text", "max-length:" + MAX_TEXT, "text may hold at most " + MAX_TEXT + " characters");
        }
        Lorebook lore = contexts.lorebookOf(query.worldId())
                .orElseThrow(() -> DomainRejection.notFound("worldId", "no world " + query.worldId()));
        LoreSelection selection = LoreSelector.select(lore, List.of(query.text()), loreBudget);
        return Stream.concat(selection.alwaysOn().stream(), selection.triggered().stream())
                .map(entry -> new LoreActivationView(entry.loreEntryId(), entry.content().title(),
                        selection.reasons().getOrDefault(entry.loreEntryId(), "always-on")))
                .toList();
    }
}
