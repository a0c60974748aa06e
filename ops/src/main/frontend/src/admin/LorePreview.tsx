import { type FormEvent, useState } from 'react';
import { ErrorMessage } from './Feedback';
import { type LoreActivation, previewLoreActivation } from './worldApi';

/** What a sample action would give the narrator from the world's lore, in a turn's order, and why. */
export function LorePreview({ worldId }: { worldId: string }) {
  const [text, setText] = useState('');
  const [activated, setActivated] = useState<LoreActivation[]>();
  const [error, setError] = useState<Error>();

  const preview = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setActivated(await previewLoreActivation(worldId, text));
    } catch (failure) {
      setActivated(undefined);
      setError(failure as Error);
    }
  };

  return (
    <section aria-labelledby="lore-preview-title">
      <h2 id="lore-preview-title">Preview activation</h2>
      <p className="meta">
        The entries a player's action would activate (always-on entries, trigger keys, and entries named by those), as a
        turn gives them to the narrator. Search recall depends on the story and is not shown.
      </p>
      <form onSubmit={preview} className="row">
        <label>
          Sample action
          <input id="lore-preview-text" value={text} onChange={(e) => setText(e.target.value)} required />
        </label>
        <button id="lore-preview" type="submit">
          Preview
        </button>
      </form>
      <ErrorMessage error={error} />
      {activated && activated.length === 0 && <p className="empty">This action activates no lore.</p>}
      {activated && activated.length > 0 && (
        <ol id="lore-activated">
          {activated.map((entry) => (
            <li key={entry.loreEntryId}>
              <strong>{entry.title}</strong> <span className="meta">{entry.reason}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
