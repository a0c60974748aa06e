package io.storyteller.command.narration.context;

import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.NarrationPolicy;
import io.storyteller.domain.world.NarrationPolicySet;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.domain.world.WorldSettingsChanged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the narrator knows of a world, folded from its stream: its settings and its active lore. */
final class WorldContext extends AggregateFold {

    private WorldSettings settings;
    private NarrationPolicy policy = NarrationPolicy.defaults();
    private final Map<String, ActiveLore> lore = new LinkedHashMap<>();
    /** The lore as last indexed; null once the lore has changed since. */
    private Lorebook lorebook;

    @Override
    void apply(Object payload) {
        if (payload instanceof LoreEntryAdded || payload instanceof LoreEntryRevised || payload instanceof LoreEntryRetired) {
            lorebook = null;
        }
        switch (payload) {
            case WorldCreated e -> settings = e.settings();
            case WorldSettingsChanged e -> settings = e.settings();
            case LoreEntryAdded e -> lore.put(e.loreEntryId(), new ActiveLore(e.loreEntryId(), e.content()));
            case LoreEntryRevised e -> lore.put(e.loreEntryId(), new ActiveLore(e.loreEntryId(), e.content()));
            case LoreEntryRetired e -> lore.remove(e.loreEntryId());
            case NarrationPolicySet e -> policy = e.policy();
            default -> {
                // Members, archiving and house models do not change what the narrator is told.
            }
        }
    }

    /** Whether the world exists: a stream without its creation is no world. */
    boolean known() {
        return settings != null;
    }

    WorldSettings settings() {
        return settings;
    }

    NarrationPolicy policy() {
        return policy;
    }

    /** The active lore, indexed once per revision of the world's lore: every turn between two edits shares it. */
    Lorebook lorebook() {
        if (lorebook == null) {
            lorebook = Lorebook.of(List.copyOf(lore.values()));
        }
        return lorebook;
    }
}
