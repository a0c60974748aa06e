import { type FormEvent, useState } from 'react';
import { ErrorMessage } from './Feedback';
import { type LoreSearchHit, searchLore } from './worldApi';

/** Searches the world's lore as the narrator's retrieval does (BM25 fused with vectors), with why each hit matched. */
export function LoreSearch({ worldId }: { worldId: string }) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<LoreSearchHit[]>();
  const [error, setError] = useState<Error>();

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setHits(await searchLore(worldId, text));
    } catch (failure) {
      setError(failure as Error);
    }
  };

  return (
    <section aria-labelledby="lore-search-title">
      <h2 id="lore-search-title">Search lore</h2>
      <form onSubmit={search} className="row" role="search">
        <label>
          Text
          <input id="lore-search-text" value={text} onChange={(e) => setText(e.target.value)} required />
        </label>
        <button id="lore-search" type="submit">
          Search
        </button>
      </form>
      <ErrorMessage error={error} />
      {hits && hits.length === 0 && <p className="empty">No lore matches.</p>}
      {hits && hits.length > 0 && (
        <ol id="lore-hits">
          {hits.map((hit) => (
            <li key={hit.loreEntryId}>
              <strong>{hit.title}</strong> <span className="meta">score {hit.score.toFixed(3)} · {hit.reason.description}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
