import { useCallback, useRef, useState } from 'react';
import { graphql } from '../shared/graphql';
import { BEAT_FIELDS, type BeatView } from './StoryBeat';

/** The most beats the API gives in one page (storyteller.graphql.max-page-size's default). */
export const BEAT_PAGE_SIZE = 100;

/** One page of a story's beats as the API's connection gives it. */
export interface BeatPage {
  edges: { node: BeatView }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export const BEAT_PAGE_FIELDS = `edges { node { ${BEAT_FIELDS} } } pageInfo { hasNextPage endCursor } totalCount`;

const NEXT_PAGE_QUERY = `query StoryBeats($id: ID!, $after: String!) {
  story(id: $id) { beats(first: ${BEAT_PAGE_SIZE}, after: $after) { ${BEAT_PAGE_FIELDS} } }
}`;

/** Where reading a story's beats stands: the beats read so far, in order, and whether more follow. */
export interface BeatPages {
  beats: BeatView[];
  hasNextPage: boolean;
  loading: boolean;
  error?: Error;
  loadNext: () => void;
  /** Forgets the pages read after the first (the story changed under them: the first page is read again). */
  reset: () => void;
}

/**
 * The pages after the first, read one at a time from the last page's end cursor. A page asked before
 * a reset is dropped when it answers, so a story read again never mixes old and new beats.
 */
export function useBeatPages(storyId: string, first: BeatPage | undefined): BeatPages {
  const [later, setLater] = useState<BeatPage[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();
  const epoch = useRef(0);
  const pages = first ? [first, ...later] : [];
  const last = pages[pages.length - 1];
  const after = last?.pageInfo.hasNextPage ? last.pageInfo.endCursor : null;

  const loadNext = useCallback(() => {
    if (!after) return;
    const asked = epoch.current;
    setLoading(true);
    setError(undefined);
    graphql<{ story: { beats: BeatPage } | null }>(NEXT_PAGE_QUERY, { id: storyId, after }).then(
      (data) => {
        if (asked !== epoch.current) return;
        setLoading(false);
        if (!data.story) setError(new Error('This story is no longer readable with your roles.'));
        else setLater((previous) => [...previous, data.story!.beats]);
      },
      (failure: Error) => {
        if (asked !== epoch.current) return;
        setLoading(false);
        setError(failure);
      },
    );
  }, [storyId, after]);

  const reset = useCallback(() => {
    epoch.current += 1;
    setLater([]);
    setLoading(false);
    setError(undefined);
  }, []);

  return {
    beats: pages.flatMap((page) => page.edges.map((edge) => edge.node)),
    hasNextPage: Boolean(after),
    loading,
    error,
    loadNext,
    reset,
  };
}
