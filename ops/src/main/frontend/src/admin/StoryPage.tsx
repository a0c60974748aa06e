import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorMessage, Loading } from './Feedback';
import { LiveStatus } from './LiveStatus';
import { href } from './route';
import { BEAT_FIELDS, StoryBeat, type BeatView } from './StoryBeat';
import { BEAT_PAGE_FIELDS, BEAT_PAGE_SIZE, type BeatPage, useBeatPages } from './useBeatPages';
import { useQuery } from './useQuery';
import { useSubscription } from './useSubscription';

interface StoryView {
  id: string;
  title: string;
  status: string;
  beatCount: number;
  beats: BeatPage;
}

interface StoryUpdate {
  kind: 'BEAT_ADDED' | 'BEAT_CHANGED' | 'BEATS_ERASED' | 'NARRATION_PROGRESS' | 'NARRATION_FAILED' | 'STORY_CHANGED' | 'STORY_ENDED';
  beat: BeatView | null;
  requestId: string | null;
  chunk: string | null;
  reason: string | null;
}

const STORY_QUERY = `query Story($id: ID!) {
  story(id: $id) { id title status beatCount beats(first: ${BEAT_PAGE_SIZE}) { ${BEAT_PAGE_FIELDS} } }
}`;

const STORY_EVENTS = `subscription StoryEvents($storyId: ID!) {
  storyEvents(storyId: $storyId) { kind requestId chunk reason beat { ${BEAT_FIELDS} } }
}`;

/**
 * A story read for moderation, live: its beats a page of 100 at a time (the next page on request, by
 * the connection's cursor), then each beat as it is played (storyEvents), with the narration's text as
 * it is generated; erasures and story changes re-read it from the first page.
 */
export function StoryPage({ worldId, storyId }: { worldId: string; storyId: string }) {
  const story = useQuery<{ story: StoryView | null }>(STORY_QUERY, { id: storyId });
  const [live, setLive] = useState<Record<string, BeatView>>({});
  const [narrating, setNarrating] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const pages = useBeatPages(storyId, story.data?.story?.beats);
  // where a page asked for begins: once it shows, its first beat takes the focus (the button may be gone)
  const focusFrom = useRef<number>(undefined);
  const { reload: rereadStory } = story;
  const { reset: forgetPages } = pages;
  const onUpdate = useCallback((data: { storyEvents: StoryUpdate }) => {
    const update = data.storyEvents;
    if ((update.kind === 'BEAT_ADDED' || update.kind === 'BEAT_CHANGED') && update.beat) {
      const beat = update.beat;
      setLive((previous) => ({ ...previous, [beat.id]: beat }));
      if (beat.kind === 'NARRATION') setNarrating(undefined);
    } else if (update.kind === 'NARRATION_PROGRESS') {
      setNarrating((previous) => (previous ?? '') + (update.chunk ?? ''));
      setFailure(undefined);
    } else if (update.kind === 'NARRATION_FAILED') {
      setNarrating(undefined);
      setFailure(update.reason ?? 'the narration failed');
    } else if (update.kind === 'BEATS_ERASED') {
      // the pages read and the beats pushed may name erased beats: read the story again from its start
      setLive({});
      forgetPages();
      rereadStory();
    } else {
      // the story's own fields changed, not its beats: the pages read and the beats pushed stand
      rereadStory();
    }
  }, [forgetPages, rereadStory]);
  const feed = useSubscription(STORY_EVENTS, { storyId }, onUpdate);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === undefined || pages.loading) return;
    focusFrom.current = undefined;
    const first = pages.beats[from];
    const item = first && document.querySelector<HTMLElement>(`#beats [data-beat="${CSS.escape(first.id)}"]`);
    if (item) {
      item.tabIndex = -1;
      item.focus();
    }
  }, [pages.loading, pages.beats]);

  if (story.loading && !story.data) return <Loading what="the story" />;
  if (story.error) return <ErrorMessage error={story.error} />;
  const view = story.data?.story;
  if (!view) return <p role="alert">This story does not exist, or your roles do not let you read it.</p>;
  const beats = merged(pages.beats, live, pages.hasNextPage);
  // a beat pushed past the pages read counts before its page is read
  const total = Math.max(view.beatCount, beats.length, ...Object.values(live).map((beat) => beat.position));
  const loadNext = () => {
    focusFrom.current = pages.beats.length;
    pages.loadNext();
  };
  return (
    <>
      <p>
        <a href={href({ screen: 'world', worldId })}>← World</a>
      </p>
      <h1>{view.title}</h1>
      <p className="meta" id="story-meta">
        {view.status} · {total} beats
      </p>
      <LiveStatus feed={feed} what="beats" />
      {beats.length === 0 && <p className="empty">No beat yet: the story waits for its first action.</p>}
      <ol id="beats" className="beats">
        {beats.map((beat) => (
          <StoryBeat key={beat.id} beat={beat} />
        ))}
      </ol>
      {pages.hasNextPage && (
        <div className="pager">
          <button type="button" id="beats-next" disabled={pages.loading} onClick={loadNext}>
            {pages.loading ? 'Loading beats…' : `Load the next ${Math.min(BEAT_PAGE_SIZE, Math.max(1, total - beats.length))} beats`}
          </button>
          <span className="meta" id="beats-shown" role="status" aria-live="polite">
            Showing beats 1–{beats.length} of {total}
          </span>
        </div>
      )}
      <ErrorMessage error={pages.error} />
      {narrating !== undefined && (
        <p id="narrating" className="narrating" aria-live="polite">
          Narrating… {narrating}
        </p>
      )}
      {failure && (
        <p className="error" role="alert">
          The narration failed: {failure}
        </p>
      )}
    </>
  );
}

/**
 * The beats as read, each replaced or joined by the version pushed later, in story order, once each.
 * While later pages are still unread, a beat pushed past the pages read waits for its page, so no
 * beat shows out of place after a gap.
 */
function merged(read: BeatView[], live: Record<string, BeatView>, morePages: boolean): BeatView[] {
  const byId = new Map(read.map((beat) => [beat.id, beat]));
  const lastRead = read.length === 0 ? 0 : read[read.length - 1].position;
  Object.values(live)
    .filter((beat) => !morePages || byId.has(beat.id) || beat.position <= lastRead)
    .forEach((beat) => byId.set(beat.id, beat));
  return [...byId.values()].sort((a, b) => a.position - b.position);
}
