package io.storyteller.domain.world;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.budget.BudgetLimits;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A world: its settings, its lore and who belongs to it. Stories are played inside it.
 * <p>
 * Its snapshot (JSON) is its fields, not its getters ({@code isArchived()} alone would lose the rest).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class World {

    @AggregateIdentifier
    private String worldId;
    private final Map<String, WorldRole> members = new HashMap<>();
    private final Set<String> activeLore = new HashSet<>();
    private final Set<String> retiredLore = new HashSet<>();
    private boolean archived;
    private int houseModelVersion;
    private BudgetLimits budget;

    protected World() {
    }

    @CommandHandler
    public World(CreateWorld command) {
        String id = Require.id("worldId", command.worldId());
        Actor actor = Require.present("actor", command.actor());
        if (!AccessPolicy.createsWorlds(actor)) {
            throw DomainRejection.forbidden("role:world-admin", "only world admins and platform admins create worlds");
        }
        WorldSettings settings = Require.present("settings", command.settings()).validated();
        apply(new WorldCreated(id, settings, actor.userId()));
        apply(new WorldMemberAdded(id, actor.userId(), WorldRole.OWNER, actor.userId()));
    }

    @CommandHandler
    public void handle(ChangeWorldSettings command) {
        requireManager(command.actor());
        WorldSettings settings = Require.present("settings", command.settings()).validated();
        apply(new WorldSettingsChanged(worldId, settings, command.actor().userId()));
    }

    @CommandHandler
    public void handle(SetNarrationPolicy command) {
        requireManager(command.actor());
        NarrationPolicy policy = Require.present("policy", command.policy()).validated();
        apply(new NarrationPolicySet(worldId, policy, command.actor().userId()));
    }

    /** Platform admins set any budget; the world's owner and admins only tighten it, never loosen it. */
    @CommandHandler
    public void handle(SetWorldBudget command) {
        requireManager(command.actor());
        BudgetLimits limits = Require.present("budget", command.budget()).validated();
        if (!AccessPolicy.hasPlatformAuthority(command.actor()) && !limits.noLooserThan(budget)) {
            throw DomainRejection.forbidden("lower-only",
                    "a world's owner and admins may only lower its budget; platform admins raise it");
        }
        apply(new WorldBudgetSet(worldId, limits, command.actor().userId()));
    }

    @CommandHandler
    public void handle(ClearWorldBudget command) {
        requireOpen();
        if (!AccessPolicy.hasPlatformAuthority(Require.present("actor", command.actor()))) {
            throw DomainRejection.forbidden("role:platform-admin", "only platform admins lift a world's budget");
        }
        if (budget != null) {
            apply(new WorldBudgetCleared(worldId, command.actor().userId()));
        }
    }

    @CommandHandler
    public void handle(AddLoreEntry command) {
        requireManager(command.actor());
        String loreEntryId = Require.id("loreEntryId", command.loreEntryId());
        if (activeLore.contains(loreEntryId) || retiredLore.contains(loreEntryId)) {
            throw DomainRejection.conflict("loreEntryId", "unique", "lore entry " + loreEntryId + " already exists");
        }
        LoreContent content = Require.present("content", command.content()).validated();
        apply(new LoreEntryAdded(worldId, loreEntryId, content, command.actor().userId()));
    }

    @CommandHandler
    public void handle(ReviseLoreEntry command) {
        requireManager(command.actor());
        requireActiveLore(command.loreEntryId());
        LoreContent content = Require.present("content", command.content()).validated();
        apply(new LoreEntryRevised(worldId, command.loreEntryId(), content, command.actor().userId()));
    }

    @CommandHandler
    public void handle(RetireLoreEntry command) {
        requireManager(command.actor());
        requireActiveLore(command.loreEntryId());
        apply(new LoreEntryRetired(worldId, command.loreEntryId(), command.actor().userId()));
    }

    @CommandHandler
    public void handle(AddWorldMember command) {
        requireManager(command.actor());
        String userId = Require.id("userId", command.userId());
        WorldRole role = requireAssignableRole(command.role());
        if (members.containsKey(userId)) {
            throw DomainRejection.conflict("userId", "not-member", userId + " is already a member of this world");
        }
        apply(new WorldMemberAdded(worldId, userId, role, command.actor().userId()));
    }

    @CommandHandler
    public void handle(ChangeWorldMemberRole command) {
        requireManager(command.actor());
        requireNonOwnerMember(command.userId());
        WorldRole role = requireAssignableRole(command.role());
        if (members.get(command.userId()) != role) {
            apply(new WorldMemberRoleChanged(worldId, command.userId(), role, command.actor().userId()));
        }
    }

    @CommandHandler
    public void handle(RemoveWorldMember command) {
        requireManager(command.actor());
        requireNonOwnerMember(command.userId());
        apply(new WorldMemberRemoved(worldId, command.userId(), command.actor().userId()));
    }

    @CommandHandler
    public void handle(ArchiveWorld command) {
        requireOpen();
        Actor actor = Require.present("actor", command.actor());
        if (members.get(actor.userId()) != WorldRole.OWNER && !AccessPolicy.hasPlatformAuthority(actor)) {
            throw DomainRejection.forbidden("role:owner", "only the world's owner or a platform admin archives it");
        }
        apply(new WorldArchived(worldId, actor.userId()));
    }

    @CommandHandler
    public void handle(RecordHouseModelVersion command) {
        requireOpen();
        if (!Require.present("actor", command.actor()).isSystem()) {
            throw DomainRejection.forbidden("role:system", "only the platform records house model versions");
        }
        HouseModelVersion version = Require.present("version", command.version());
        if (version.version() <= houseModelVersion) {
            throw DomainRejection.conflict("version.version", "increasing",
                    "house model version " + version.version() + " is not newer than " + houseModelVersion);
        }
        apply(new HouseModelTrained(worldId, version));
    }

    /** Whether a user may start or join stories here: a member of a world that is not archived. */
    public boolean admitsPlayer(String userId) {
        return !archived && members.containsKey(userId);
    }

    /** Whether the actor manages this world: its owner and admins, and the platform. */
    public boolean isManagedBy(Actor actor) {
        WorldRole role = actor == null ? null : members.get(actor.userId());
        return AccessPolicy.hasPlatformAuthority(actor) || (role != null && role.manages());
    }

    public boolean isArchived() {
        return archived;
    }

    private void requireManager(Actor actor) {
        requireOpen();
        Require.present("actor", actor);
        WorldRole role = members.get(actor.userId());
        if (!AccessPolicy.hasPlatformAuthority(actor) && (role == null || !role.manages())) {
            throw DomainRejection.forbidden("role:world-admin", "only this world's owner and admins manage it");
        }
    }

    private void requireOpen() {
        if (archived) {
            throw DomainRejection.conflict("worldId", "not-archived", "world " + worldId + " is archived");
        }
    }

    private void requireActiveLore(String loreEntryId) {
        if (!activeLore.contains(loreEntryId)) {
            throw retiredLore.contains(loreEntryId)
                    ? DomainRejection.conflict("loreEntryId", "active", "lore entry " + loreEntryId + " is retired")
                    : DomainRejection.notFound("loreEntryId", "no lore entry " + loreEntryId + " in this world");
        }
    }

    private void requireNonOwnerMember(String userId) {
        WorldRole current = members.get(userId);
        if (current == null) {
            throw DomainRejection.notFound("userId", userId + " is not a member of this world");
        }
        if (current == WorldRole.OWNER) {
            throw DomainRejection.conflict("userId", "not-owner", "the owner's membership cannot be changed");
        }
    }

    private static WorldRole requireAssignableRole(WorldRole role) {
        if (Require.present("role", role) == WorldRole.OWNER) {
            throw DomainRejection.invalid("role", "not-owner", "a world has exactly one owner; assign ADMIN or PLAYER");
        }
        return role;
    }

    @EventSourcingHandler
    void on(WorldCreated event) {
        worldId = event.worldId();
    }

    @EventSourcingHandler
    void on(LoreEntryAdded event) {
        activeLore.add(event.loreEntryId());
    }

    @EventSourcingHandler
    void on(LoreEntryRetired event) {
        activeLore.remove(event.loreEntryId());
        retiredLore.add(event.loreEntryId());
    }

    @EventSourcingHandler
    void on(WorldMemberAdded event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(WorldMemberRoleChanged event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(WorldMemberRemoved event) {
        members.remove(event.userId());
    }

    @EventSourcingHandler
    void on(WorldArchived event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(WorldBudgetSet event) {
        budget = event.budget();
    }

    @EventSourcingHandler
    void on(WorldBudgetCleared event) {
        budget = null;
    }

    @EventSourcingHandler
    void on(HouseModelTrained event) {
        houseModelVersion = event.version().version();
    }
}
