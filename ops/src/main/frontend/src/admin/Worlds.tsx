import { readUntil } from '../shared/graphql';
import { ErrorMessage, Loading } from './Feedback';
import { href } from './route';
import { createWorld, WORLDS_QUERY, type WorldSettings } from './worldApi';
import { useQuery } from './useQuery';
import { WorldSettingsForm } from './WorldSettingsForm';

interface WorldRow {
  id: string;
  ownerId: string;
  archived: boolean;
  settings: WorldSettings;
}

/** The caller's worlds (every world for a platform admin), and a form to create one. */
export function Worlds() {
  const worlds = useQuery<{ worlds: WorldRow[] }>(WORLDS_QUERY, {});
  const create = async (settings: WorldSettings) => {
    const worldId = await createWorld(settings);
    // open the world once the read model has it, or its page would say it does not exist
    await readUntil<{ world: { id: string } | null }>('query($id: ID!) { world(id: $id) { id } }', { id: worldId },
      (data) => data.world !== null);
    window.location.hash = href({ screen: 'world', worldId });
  };

  return (
    <>
      <h1>Worlds</h1>
      {worlds.loading && !worlds.data && <Loading what="worlds" />}
      <ErrorMessage error={worlds.error} />
      {worlds.data && worlds.data.worlds.length === 0 && <p className="empty">You belong to no world yet.</p>}
      {worlds.data && worlds.data.worlds.length > 0 && (
        <table id="worlds">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Genre</th>
              <th scope="col">Rating</th>
              <th scope="col">Owner</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {worlds.data.worlds.map((world) => (
              <tr key={world.id}>
                <td>
                  <a href={href({ screen: 'world', worldId: world.id })}>{world.settings.name}</a>
                </td>
                <td>{world.settings.genre}</td>
                <td>{world.settings.contentRating}</td>
                <td>{world.ownerId}</td>
                <td>{world.archived ? 'archived' : 'open'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="create-world-title">
        <h2 id="create-world-title">Create a world</h2>
        <WorldSettingsForm idPrefix="new-world" submitLabel="Create world" onSubmit={create} />
      </section>
    </>
  );
}
