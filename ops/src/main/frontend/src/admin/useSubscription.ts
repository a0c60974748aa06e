import { useEffect, useRef, useState } from 'react';
import { subscribe } from '../shared/subscribe';

/** Where a live feed stands: connecting, live (connected and subscribed), ended, or failed. */
export type FeedState = { status: 'connecting' | 'live' | 'ended' } | { status: 'failed'; error: Error };

/**
 * Follows one subscription while the component is shown: each message goes to onMessage (kept in a
 * ref, so a new closure does not restart the feed); the variables' value restarts it.
 */
export function useSubscription<T>(query: string, variables: Record<string, unknown>, onMessage: (data: T) => void): FeedState {
  const [state, setState] = useState<FeedState>({ status: 'connecting' });
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const key = JSON.stringify(variables);
  useEffect(() => {
    setState({ status: 'connecting' });
    return subscribe<T>(query, JSON.parse(key), {
      started: () => setState((previous) => (previous.status === 'connecting' ? { status: 'live' } : previous)),
      next: (data) => {
        setState((previous) => (previous.status === 'live' ? previous : { status: 'live' }));
        handler.current(data);
      },
      error: (error) => setState({ status: 'failed', error }),
      complete: () => setState({ status: 'ended' }),
    });
  }, [query, key]);
  return state;
}
