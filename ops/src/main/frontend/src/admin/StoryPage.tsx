import { BeatProvenance, PROVENANCE_FIELDS, type Provenance } from './BeatProvenance';
import { ErrorMessage, Loading } from './Feedback';
import { href } from './route';
import { useQuery } from './useQuery';

interface BeatView {
  id: string;
  position: number;
  kind: 'PLAYER_ACTION' | 'NARRATION';
  playerId: string | null;
  text: string;
  edited: boolean;
  flagSeverity: number | null;
  provenance: Provenance | null;
}

interface StoryView {
  id: string;
  title: string;
  status: string;
  beatCount: number;
  beats: { edges: { node: BeatView }[] };
}

const STORY_QUERY = `query Story($id: ID!) {
  story(id: $id) {
    id title status beatCount
    beats(first: 50) { edges { node {
      id position kind playerId text edited flagSeverity
      ${PROVENANCE_FIELDS}
    } } }
  }
}`;

/** A story read for moderation: each beat with where its narration came from (the first 50 beats; paging is to come). */
export function StoryPage({ worldId, storyId }: { worldId: string; storyId: string }) {
  const story = useQuery<{ story: StoryView | null }>(STORY_QUERY, { id: storyId });
  if (story.loading && !story.data) return <Loading what="the story" />;
  if (story.error) return <ErrorMessage error={story.error} />;
  const view = story.data?.story;
  if (!view) return <p role="alert">This story does not exist, or your roles do not let you read it.</p>;
  return (
    <>
      <p>
        <a href={href({ screen: 'world', worldId })}>← World</a>
      </p>
      <h1>{view.title}</h1>
      <p className="meta">
        {view.status} · {view.beatCount} beats
      </p>
      <ol id="beats" className="beats">
        {view.beats.edges.map(({ node: beat }) => (
          <li key={beat.id} className={beat.kind === 'PLAYER_ACTION' ? 'action' : 'narration'}>
            <p>
              {beat.kind === 'PLAYER_ACTION' && <strong>{beat.playerId}: </strong>}
              {beat.text}
              {beat.edited && <span className="tag">edited</span>}
              {beat.flagSeverity !== null && <span className="tag flag">flagged, severity {beat.flagSeverity}</span>}
            </p>
            {beat.provenance && <BeatProvenance provenance={beat.provenance} />}
          </li>
        ))}
      </ol>
    </>
  );
}

