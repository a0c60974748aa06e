import { useEffect, useState } from 'react';
import { LineChart } from '../charts/LineChart';
import { ErrorMessage, Loading } from '../Feedback';
import type { Processor, Reset } from './opsApi';
import { ProcessorRow } from './ProcessorRow';
import { useProcessors } from './useProcessors';

/** Every streaming event processor with its segments, position, lag and status, refreshed every two seconds. */
export function Processors() {
  const [resets, setResets] = useState<Record<string, FollowedReset>>({});
  const [following, setFollowing] = useState(false);
  const [from, setFrom] = useState('');
  const { processors, readAt, error, lag, refresh } = useProcessors(following);
  const started = (reset: Reset) => {
    setResets((previous) => ({ ...previous, [reset.name]: { ...reset, answeredAt: Date.now() } }));
    setFollowing(true);
    refresh();
  };
  const stillFollowing = processors?.some((p) => p.replaying || unfinished(p, resets[p.name], readAt)) ?? false;
  useEffect(() => setFollowing(stillFollowing), [stillFollowing]);
  return (
    <section aria-labelledby="processors-title">
      <h2 id="processors-title">Event processors</h2>
      <p className="meta" role="status">
        Refreshed every 2 seconds{processors && `; ${processors.length} processors`}.
      </p>
      <ErrorMessage error={error} />
      {!processors && !error && <Loading what="the event processors" />}
      <LineChart
        id="lag-chart"
        title="Lag in events while this page is open"
        x={lag.map((p) => p.at)}
        series={[
          { label: 'all processors', values: lag.map((p) => p.total), color: '#1f5fbf' },
          { label: 'the most behind', values: lag.map((p) => p.largest), color: '#c2410c' },
        ]}
        height={150}
      />
      {processors && processors.length === 0 && <p className="empty">No event processor is visible to your roles.</p>}
      {processors && processors.length > 0 && (
        <>
          <label htmlFor="replay-from" className="inline">
            A replay starts from (blank: the start of the log)
            <input id="replay-from" type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
          </label>
          <table id="processors">
            <thead>
              <tr>
                <th scope="col">Processor</th>
                <th scope="col">Status</th>
                <th scope="col">Position / head</th>
                <th scope="col">Lag</th>
                <th scope="col">Segments</th>
                <th scope="col">Dead letters</th>
                <th scope="col">Replay</th>
              </tr>
            </thead>
            <tbody>
              {processors.map((processor) => (
                <ProcessorRow key={processor.name} processor={processor} readAt={readAt} reset={resets[processor.name]} from={from}
                  onReset={started} onChanged={refresh} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** A reset started here, and when its answer came: only reads sent after that show its effect. */
export interface FollowedReset extends Reset {
  answeredAt: number;
}

/** Caught up once a read sent after the reset shows it no longer replaying and past the head it had at the reset. */
export function caughtUp(processor: Processor, reset: FollowedReset, readAt: number): boolean {
  return readAt > reset.answeredAt && !processor.replaying && processor.position >= reset.headAtReset;
}

function unfinished(processor: Processor, reset: FollowedReset | undefined, readAt: number): boolean {
  return reset !== undefined && !caughtUp(processor, reset, readAt);
}
