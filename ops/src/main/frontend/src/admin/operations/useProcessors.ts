import { useCallback, useEffect, useState } from 'react';
import { graphql } from '../../shared/graphql';
import { type Processor, PROCESSORS_QUERY } from './opsApi';

/** How often the processors are read: the API has no subscription for them, and their tokens move every few ms. */
const REFRESH_MS = 2000;
/** While a replay is followed, so that its progress shows as it goes. */
const FOLLOW_MS = 500;
/** Lag points kept for the chart: ten minutes at the refresh rate. */
const HISTORY = 300;

export interface LagPoint {
  at: number;
  total: number;
  largest: number;
}

export interface ProcessorsState {
  processors?: Processor[];
  /** When the read that answered them was sent (ms since the epoch). */
  readAt: number;
  error?: Error;
  lag: LagPoint[];
  /** Reads now (after an action) instead of at the next tick. */
  refresh: () => void;
}

/** The event processors, read again every two seconds (faster while following a replay), with the lag seen over that time. */
export function useProcessors(following: boolean): ProcessorsState {
  const [processors, setProcessors] = useState<Processor[]>();
  const [readAt, setReadAt] = useState(0);
  const [error, setError] = useState<Error>();
  const [lag, setLag] = useState<LagPoint[]>([]);
  const read = useCallback(async () => {
    const sent = Date.now();
    try {
      const data = await graphql<{ eventProcessors: Processor[] }>(PROCESSORS_QUERY);
      const list = [...data.eventProcessors].sort((a, b) => a.name.localeCompare(b.name));
      setProcessors(list);
      setReadAt(sent);
      setError(undefined);
      const point = { at: Date.now() / 1000, total: sum(list.map((p) => p.lag)), largest: Math.max(0, ...list.map((p) => p.lag)) };
      setLag((previous) => [...previous, point].slice(-HISTORY));
    } catch (failure) {
      setError(failure as Error);
    }
  }, []);
  useEffect(() => {
    read();
    const timer = window.setInterval(read, following ? FOLLOW_MS : REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [read, following]);
  return { processors, readAt, error, lag, refresh: read };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
