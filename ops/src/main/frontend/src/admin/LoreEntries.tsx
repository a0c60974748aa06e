import { useState } from 'react';
import { ErrorMessage } from './Feedback';
import { LoreForm } from './LoreForm';
import { addLoreEntry, type LoreEntry, retireLoreEntry, reviseLoreEntry } from './worldApi';

/** A world's lore: every entry (retired ones marked), revise and retire in place, add a new one. */
export function LoreEntries(props: {
  worldId: string;
  entries: LoreEntry[];
  editable: boolean;
  onAdded: (entryId: string) => Promise<void>;
  onRevised: (before: LoreEntry) => Promise<void>;
  onRetired: (entryId: string) => Promise<void>;
}) {
  const [revising, setRevising] = useState<string>();
  const [error, setError] = useState<Error>();
  const { worldId } = props;

  const retire = async (entry: LoreEntry) => {
    if (!window.confirm(`Retire "${entry.content.title}"? The narrator will no longer be given it.`)) return;
    setError(undefined);
    try {
      await retireLoreEntry(worldId, entry.id);
      await props.onRetired(entry.id);
    } catch (failure) {
      setError(failure as Error);
    }
  };

  return (
    <section aria-labelledby="lore-title">
      <h2 id="lore-title">Lore</h2>
      <ErrorMessage error={error} />
      {props.entries.length === 0 && <p className="empty">No lore entries yet.</p>}
      <ul id="lore-entries" className="cards">
        {props.entries.map((entry) => (
          <li key={entry.id} className={entry.retired ? 'retired' : undefined} data-lore-id={entry.id}>
            {revising === entry.id ? (
              <LoreForm
                idPrefix={`revise-${entry.id}`}
                initial={entry.content}
                submitLabel="Save revision"
                onCancel={() => setRevising(undefined)}
                onSubmit={async (content) => {
                  await reviseLoreEntry(worldId, entry.id, content);
                  await props.onRevised(entry);
                  setRevising(undefined);
                }}
              />
            ) : (
              <>
                <h3 className="lore-title">
                  {entry.content.title} {entry.retired && <span className="tag">retired</span>}
                  {entry.content.alwaysOn && <span className="tag">always on</span>}
                </h3>
                <p>{entry.content.content}</p>
                <p className="meta">
                  {entry.content.category} · priority {entry.content.priority} · revision {entry.revision}
                  {entry.content.triggerKeys.length > 0 && <> · keys: {entry.content.triggerKeys.join(', ')}</>}
                </p>
                {props.editable && !entry.retired && (
                  <div className="actions">
                    <button type="button" className="revise" onClick={() => setRevising(entry.id)}>
                      Revise
                    </button>
                    <button type="button" className="retire" onClick={() => retire(entry)}>
                      Retire
                    </button>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {props.editable && (
        <>
          <h3>Add a lore entry</h3>
          <LoreForm
            idPrefix="new-lore"
            submitLabel="Add lore entry"
            onSubmit={async (content) => {
              await props.onAdded(await addLoreEntry(worldId, content));
            }}
          />
        </>
      )}
    </section>
  );
}
