import { useCallback, useState } from 'react';
import { ErrorMessage, Loading } from './Feedback';
import { LiveStatus } from './LiveStatus';
import { href } from './route';
import { BEAT_FIELDS, StoryBeat, type BeatView } from './StoryBeat';
import { useQuery } from './useQuery';
import { useSubscription } from './useSubscription';

interface StoryView {
  id: string;
  title: string;
  status: string;
  beatCount: number;
  beats: { edges: { node: BeatView }[] };
}

interface StoryUpdate {
  kind: 'BEAT_ADDED' | 'BEAT_CHANGED' | 'BEATS_ERASED' | 'NARRATION_PROGRESS' | 'NARRATION_FAILED' | 'STORY_CHANGED' | 'STORY_ENDED';
  beat: BeatView | null;
  requestId: string | null;
  chunk: string | null;
  reason: string | null;
}

const STORY_QUERY = `query Story($id: ID!) {
  story(id: $id) { id title status beatCount beats(first: 100) { edges { node { ${BEAT_FIELDS} } } } }
}`;

const STORY_EVENTS = `subscription StoryEvents($storyId: ID!) {
  storyEvents(storyId: $storyId) { kind requestId chunk reason beat { ${BEAT_FIELDS} } }
}`;

/**
 * A story read for moderation, live: the first 100 beats as read, then each beat as it is played
 * (storyEvents), with the narration's text as it is generated; erasures and story changes re-read it.
 */
export function StoryPage({ worldId, storyId }: { worldId: string; storyId: string }) {
  const story = useQuery<{ story: StoryView | null }>(STORY_QUERY, { id: storyId });
  const [live, setLive] = useState<Record<string, BeatView>>({});
  const [narrating, setNarrating] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const reload = story.reload;
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
    } else {
      setLive({});
      reload();
    }
  }, [reload]);
  const feed = useSubscription(STORY_EVENTS, { storyId }, onUpdate);

  if (story.loading && !story.data) return <Loading what="the story" />;
  if (story.error) return <ErrorMessage error={story.error} />;
  const view = story.data?.story;
  if (!view) return <p role="alert">This story does not exist, or your roles do not let you read it.</p>;
  const beats = merged(view.beats.edges.map((edge) => edge.node), live);
  return (
    <>
      <p>
        <a href={href({ screen: 'world', worldId })}>← World</a>
      </p>
      <h1>{view.title}</h1>
      <p className="meta" id="story-meta">
        {view.status} · {Math.max(view.beatCount, beats.length)} beats
      </p>
      <LiveStatus feed={feed} what="beats" />
      {beats.length === 0 && <p className="empty">No beat yet: the story waits for its first action.</p>}
      <ol id="beats" className="beats">
        {beats.map((beat) => (
          <StoryBeat key={beat.id} beat={beat} />
        ))}
      </ol>
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

/** The beats as read, each replaced or joined by the version pushed later, in story order. */
function merged(read: BeatView[], live: Record<string, BeatView>): BeatView[] {
  const byId = new Map(read.map((beat) => [beat.id, beat]));
  Object.values(live).forEach((beat) => byId.set(beat.id, beat));
  return [...byId.values()].sort((a, b) => a.position - b.position);
}
