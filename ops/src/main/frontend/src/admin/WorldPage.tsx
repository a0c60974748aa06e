import type { Caller } from './caller';
import { ArchiveButton } from './ArchiveButton';
import { ErrorMessage, Loading } from './Feedback';
import { LoreEntries } from './LoreEntries';
import { LorePreview } from './LorePreview';
import { LoreSearch } from './LoreSearch';
import { href } from './route';
import { useQuery } from './useQuery';
import { archiveWorld, changeWorldSettings, type LoreEntry, WORLD_QUERY, type WorldSettings } from './worldApi';
import { WorldMembers } from './WorldMembers';
import { WorldSettingsForm } from './WorldSettingsForm';

interface WorldDetail {
  id: string;
  ownerId: string;
  archived: boolean;
  createdAt: string;
  settings: WorldSettings;
  members: { userId: string; role: 'OWNER' | 'ADMIN' | 'PLAYER' }[];
  loreEntries: LoreEntry[];
  stories: { id: string; title: string; status: string }[];
}

/** One world: its settings and content rating, its lore (with search), its members and stories. */
type WorldAnswer = { world: WorldDetail | null };

/** True when the answer holds the lore entry as the check wants it. */
function loreShows(entryId: string, check: (entry: LoreEntry) => boolean) {
  return (data: WorldAnswer) => data.world?.loreEntries.some((entry) => entry.id === entryId && check(entry)) ?? false;
}

export function WorldPage({ worldId, caller }: { worldId: string; caller: Caller }) {
  const world = useQuery<WorldAnswer>(WORLD_QUERY, { id: worldId });
  if (world.loading && !world.data) return <Loading what="the world" />;
  if (world.error) return <ErrorMessage error={world.error} />;
  const detail = world.data?.world;
  if (!detail) return <p role="alert">This world does not exist, or your roles do not let you see it.</p>;

  // The same rule as the API's: the world's owner and admins, or a platform admin, change it.
  const membership = detail.members.find((member) => member.userId === caller.userId);
  const editable =
    !detail.archived &&
    (caller.roles.includes('PLATFORM_ADMIN') || membership?.role === 'OWNER' || membership?.role === 'ADMIN');

  return (
    <>
      <p>
        <a href={href({ screen: 'worlds' })}>← Worlds</a>
      </p>
      <h1 id="world-name">{detail.settings.name}</h1>
      <p className="meta" id="world-state">
        owner {detail.ownerId} · {detail.archived ? 'archived' : 'open'} · rating {detail.settings.contentRating}
      </p>
      {editable && (caller.roles.includes('PLATFORM_ADMIN') || membership?.role === 'OWNER') && (
        <ArchiveButton
          name={detail.settings.name}
          onArchive={async () => {
            await archiveWorld(worldId);
            await world.reloadUntil((data) => data.world?.archived === true);
          }}
        />
      )}
      <section aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <WorldSettingsForm
          key={JSON.stringify(detail.settings)}
          idPrefix="world"
          initial={detail.settings}
          submitLabel="Save settings"
          disabled={!editable}
          onSubmit={async (settings) => {
            await changeWorldSettings(worldId, settings);
            await world.reloadUntil((data) => JSON.stringify(data.world?.settings) === JSON.stringify(settings));
          }}
        />
      </section>
      <LoreEntries
        worldId={worldId}
        entries={detail.loreEntries}
        editable={editable}
        onAdded={(entryId) => world.reloadUntil(loreShows(entryId, () => true))}
        onRevised={(entry) => world.reloadUntil(loreShows(entry.id, (now) => now.revision > entry.revision))}
        onRetired={(entryId) => world.reloadUntil(loreShows(entryId, (now) => now.retired))}
      />
      <LoreSearch worldId={worldId} />
      <LorePreview worldId={worldId} />
      <WorldMembers
        worldId={worldId}
        members={detail.members}
        editable={editable}
        onChanged={(settled) => world.reloadUntil((data) => settled(data.world?.members ?? []))}
      />
      <section aria-labelledby="stories-title">
        <h2 id="stories-title">Stories</h2>
        {detail.stories.length === 0 && <p className="empty">No stories in this world yet.</p>}
        <ul id="stories">
          {detail.stories.map((story) => (
            <li key={story.id}>
              <a href={href({ screen: 'story', worldId, storyId: story.id })}>{story.title}</a> · {story.status}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
