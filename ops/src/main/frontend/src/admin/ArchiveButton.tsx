import { useState } from 'react';
import { ErrorMessage } from './Feedback';

/** Archives a world after a confirmation: no more changes, no new stories; the API allows only its owner or a platform admin. */
export function ArchiveButton({ name, onArchive }: { name: string; onArchive: () => Promise<void> }) {
  const [error, setError] = useState<Error>();
  const archive = async () => {
    if (!window.confirm(`Archive "${name}"? It can then no longer be changed, and no new story can start in it.`)) return;
    setError(undefined);
    try {
      await onArchive();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  return (
    <>
      <button id="archive-world" type="button" onClick={archive}>
        Archive world
      </button>
      <ErrorMessage error={error} />
    </>
  );
}
