import { useState } from 'react';
import { ErrorMessage, Loading } from '../Feedback';
import { useQuery } from '../useQuery';
import { DeadLetterDetailView } from './DeadLetterDetailView';
import { DEAD_LETTERS_QUERY, type DeadLetter } from './opsApi';

/** The processing groups' dead letters, oldest first; one opened in full, retried or evicted. */
export function DeadLetters() {
  const letters = useQuery<{ deadLetters: DeadLetter[] }>(DEAD_LETTERS_QUERY, {});
  const [open, setOpen] = useState<DeadLetter>();
  const key = (l: DeadLetter) => `${l.processingGroup}/${l.sequence}/${l.index}`;
  return (
    <section aria-labelledby="dead-letters-title">
      <h2 id="dead-letters-title">Dead letters</h2>
      <button type="button" onClick={letters.reload}>
        Refresh
      </button>
      <ErrorMessage error={letters.error} />
      {letters.loading && !letters.data && <Loading what="dead letters" />}
      {letters.data && letters.data.deadLetters.length === 0 && <p className="empty" id="no-dead-letters">No dead letter: every event was handled.</p>}
      {letters.data && letters.data.deadLetters.length > 0 && (
        <table id="dead-letters">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Sequence</th>
              <th scope="col">#</th>
              <th scope="col">Event</th>
              <th scope="col">Cause</th>
              <th scope="col">Parked</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {letters.data.deadLetters.map((letter) => (
              <tr key={key(letter)} data-dead-letter={key(letter)}>
                <td>{letter.processingGroup}</td>
                <td>{letter.sequence}</td>
                <td>{letter.index}</td>
                <td>{letter.eventType}</td>
                <td title={letter.causeMessage ?? undefined}>{letter.causeType ?? '—'}</td>
                <td>{new Date(letter.enqueuedAt).toLocaleString()}</td>
                <td>
                  <button type="button" onClick={() => setOpen(letter)} aria-label={`Inspect dead letter ${key(letter)}`}>
                    Inspect
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <DeadLetterDetailView
          letter={open}
          onDone={() => {
            setOpen(undefined);
            letters.reload();
          }}
        />
      )}
    </section>
  );
}
