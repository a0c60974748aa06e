import { type FormEvent, useState } from 'react';
import { ErrorMessage, Loading } from '../Feedback';
import { useQuery } from '../useQuery';
import { EVENT_LOG_QUERY, type EventLogPage } from './opsApi';

interface Filter {
  aggregateId: string;
  aggregateType: string;
  eventType: string;
  from: string;
  to: string;
  order: 'NEWEST_FIRST' | 'OLDEST_FIRST';
}

const EMPTY: Filter = { aggregateId: '', aggregateType: '', eventType: '', from: '', to: '', order: 'NEWEST_FIRST' };

/** The audit explorer: the event log as stored, filtered and paged 25 at a time, each payload readable in full. */
export function EventLog() {
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [applied, setApplied] = useState<Filter>(EMPTY);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = useQuery<{ eventLog: EventLogPage }>(EVENT_LOG_QUERY, {
    filter: filterInput(applied),
    after: cursors[cursors.length - 1],
    order: applied.order,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
    setCursors([null]);
  };
  const set = (field: keyof Filter) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  const log = page.data?.eventLog;

  return (
    <>
      <h1>Event log</h1>
      <form className="grid" onSubmit={apply} aria-label="Filter the event log">
        <label>
          Aggregate id
          <input id="log-aggregate-id" value={draft.aggregateId} onChange={set('aggregateId')} />
        </label>
        <label>
          Aggregate type
          <input id="log-aggregate-type" value={draft.aggregateType} onChange={set('aggregateType')} placeholder="Story, World, Deployment…" />
        </label>
        <label>
          Event type
          <input id="log-event-type" value={draft.eventType} onChange={set('eventType')} placeholder="StoryStarted" />
        </label>
        <label>
          From
          <input id="log-from" type="datetime-local" value={draft.from} onChange={set('from')} />
        </label>
        <label>
          To (exclusive)
          <input id="log-to" type="datetime-local" value={draft.to} onChange={set('to')} />
        </label>
        <label>
          Order
          <select id="log-order" value={draft.order} onChange={set('order')}>
            <option value="NEWEST_FIRST">newest first</option>
            <option value="OLDEST_FIRST">oldest first</option>
          </select>
        </label>
        <div className="wide">
          <button type="submit" id="log-apply">
            Show
          </button>
        </div>
      </form>
      <ErrorMessage error={page.error} />
      {page.loading && !page.data && <Loading what="the event log" />}
      {log && log.edges.length === 0 && <p className="empty">No event matches.</p>}
      {log && log.edges.length > 0 && (
        <ol id="event-log" className="events">
          {log.edges.map(({ node }) => (
            <li key={node.globalIndex} data-index={node.globalIndex}>
              <details>
                <summary>
                  <strong>{node.eventType}</strong> · #{node.globalIndex} · {node.aggregateType ?? '—'} {node.aggregateId} (seq{' '}
                  {node.aggregateSequence}) · {new Date(node.timestamp).toLocaleString()}
                </summary>
                <p className="meta">{node.payloadType}</p>
                <pre>{pretty(node.payload)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
      <div className="pager">
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous page
        </button>
        <button type="button" id="log-next" disabled={!log?.pageInfo.hasNextPage}
          onClick={() => log?.pageInfo.endCursor && setCursors([...cursors, log.pageInfo.endCursor])}>
          Next page
        </button>
        <span className="meta">page {cursors.length}</span>
      </div>
    </>
  );
}

function filterInput(filter: Filter): Record<string, string> | null {
  const input: Record<string, string> = {};
  if (filter.aggregateId.trim()) input.aggregateId = filter.aggregateId.trim();
  if (filter.aggregateType.trim()) input.aggregateType = filter.aggregateType.trim();
  if (filter.eventType.trim()) input.eventType = filter.eventType.trim();
  if (filter.from) input.from = new Date(filter.from).toISOString();
  if (filter.to) input.to = new Date(filter.to).toISOString();
  return Object.keys(input).length > 0 ? input : null;
}

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
