package io.storyteller.command.narration.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.LoreActivationView;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.PreviewLoreActivation;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview is the turn's own selection over the narrator's lorebook, with the sample text as the only scanned one. */
class LoreActivationPreviewsTest {

    private final AggregateStreams streams = new AggregateStreams()
            .append("w", new WorldCreated("w", new WorldSettings("Emberfall", "A city on a volcano.", "fantasy", "wry",
                    ContentRating.TEEN, ""), "owner"))
            .append("w", new LoreEntryAdded("w", "oath", new LoreContent("The Brine Oath", List.of("oath"),
                    "Sworn at the Salt Gate.", "custom", 10, false), "owner"))
            .append("w", new LoreEntryAdded("w", "gate", new LoreContent("The Salt Gate", List.of("Salt Gate"),
                    "Where the tide is bargained with.", "place", 5, false), "owner"))
            .append("w", new LoreEntryAdded("w", "sky", new LoreContent("The Ash Sky", List.of(), "Ash falls daily.",
                    "world", 0, true), "owner"));
    private final LoreActivationPreviews previews = new LoreActivationPreviews(new NarrationContexts(streams.store, 8, 16),
            new PromptSettings(4000, 2, null, null, null));

    @Test
    void aKeyActivatesItsEntryAndTheEntriesItsTextNamesWithTheAlwaysOnOnesFirst() {
        assertThat(previews.handle(new PreviewLoreActivation("w", "I swear the oath.")))
                .extracting(LoreActivationView::loreEntryId, LoreActivationView::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sky", "always-on"),
                        org.assertj.core.groups.Tuple.tuple("oath", "key:oath"),
                        org.assertj.core.groups.Tuple.tuple("gate", "via:oath"));
    }

    @Test
    void textNamingNoKeyActivatesOnlyWhatIsAlwaysOn() {
        assertThat(previews.handle(new PreviewLoreActivation("w", "I walk to the market.")))
                .extracting(LoreActivationView::loreEntryId).containsExactly("sky");
    }

    @Test
    void aMissingWorldOrABlankTextIsRefusedNamingTheField() {
        assertThatThrownBy(() -> previews.handle(new PreviewLoreActivation("nowhere", "I swear the oath.")))
                .isInstanceOfSatisfying(DomainRejection.class, e -> assertThat(e.violation().field()).isEqualTo("worldId"));
        assertThatThrownBy(() -> previews.handle(new PreviewLoreActivation("w", "  ")))
                .isInstanceOfSatisfying(DomainRejection.class, e -> assertThat(e.violation().rule()).isEqualTo("required"));
    }
}
