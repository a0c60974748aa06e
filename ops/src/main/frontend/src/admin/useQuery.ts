import { useCallback, useEffect, useState } from 'react';
import { graphql, readUntil } from '../shared/graphql';

/** The state of one read: loading, its data, or the API's error; reload() asks again. */
export interface QueryState<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload: () => void;
  /** Re-reads until the answer shows a write just made (see readUntil), then shows it. */
  reloadUntil: (settled: (data: T) => boolean) => Promise<void>;
}

export function useQuery<T>(query: string, variables: Record<string, unknown>): QueryState<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    graphql<T>(query, JSON.parse(key)).then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [query, key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const reloadUntil = useCallback(
    async (settled: (data: T) => boolean) => {
      const data = await readUntil<T>(query, JSON.parse(key), settled);
      setState({ data, loading: false });
    },
    [query, key],
  );
  return { ...state, reload, reloadUntil };
}
