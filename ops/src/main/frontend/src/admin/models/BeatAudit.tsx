import { type FormEvent, useState } from 'react';
import { BeatProvenance, PROVENANCE_FIELDS, type Provenance } from '../BeatProvenance';
import { ErrorMessage, Loading } from '../Feedback';
import { href } from '../route';
import { useQuery } from '../useQuery';
import { refText } from './modelApi';

interface Audit {
  storyId: string;
  worldId: string | null;
  beatId: string;
  selectedAlternative: number;
  alternatives: {
    alternativeIndex: number;
    recordedAt: string;
    model: { modelId: string; version: string };
    deploymentId: string | null;
    arm: string | null;
    rolloutId: string | null;
    rolloutStep: number | null;
    decisions: { kind: string; decidedAt: string; model: { modelId: string; version: string } | null; rolloutId: string | null;
      step: number | null; verdict: string | null; rationale: string | null; decidedBy: string }[];
  }[];
}

const AUDIT_QUERY = `query Audit($storyId: ID!, $beatId: ID!) {
  narrationAudit(storyId: $storyId, beatId: $beatId) {
    storyId worldId beatId selectedAlternative
    alternatives { alternativeIndex recordedAt deploymentId arm rolloutId rolloutStep model { modelId version }
      decisions { kind decidedAt rolloutId step verdict rationale decidedBy model { modelId version } } }
  }
}`;

const AUDITED_BEAT_QUERY = `query AuditedBeat($storyId: ID!, $beatId: ID!) {
  story(id: $storyId) { beat(id: $beatId) { id text ${PROVENANCE_FIELDS} } }
}`;

/** How a narration beat came to be, from the event log: each alternative's routing and the decisions in force. */
export function BeatAudit({ storyId, beatId }: { storyId?: string; beatId?: string }) {
  const [story, setStory] = useState(storyId ?? '');
  const [beat, setBeat] = useState(beatId ?? '');
  const open = (event: FormEvent) => {
    event.preventDefault();
    window.location.hash = href({ screen: 'audit', storyId: story.trim(), beatId: beat.trim() });
  };
  return (
    <>
      <h1>Beat audit</h1>
      <form className="row" onSubmit={open}>
        <label htmlFor="audit-story">
          Story id
          <input id="audit-story" value={story} onChange={(event) => setStory(event.target.value)} required />
        </label>
        <label htmlFor="audit-beat">
          Beat id
          <input id="audit-beat" value={beat} onChange={(event) => setBeat(event.target.value)} required />
        </label>
        <button type="submit" id="audit-open">
          Audit
        </button>
      </form>
      {storyId && beatId && <AuditView storyId={storyId} beatId={beatId} />}
    </>
  );
}

function AuditView({ storyId, beatId }: { storyId: string; beatId: string }) {
  const audit = useQuery<{ narrationAudit: Audit | null }>(AUDIT_QUERY, { storyId, beatId });
  if (audit.loading && !audit.data) return <Loading what="the audit" />;
  if (audit.error) return <ErrorMessage error={audit.error} />;
  const view = audit.data?.narrationAudit;
  if (!view) return <p role="alert">Story {storyId} has no narration beat {beatId}.</p>;
  return (
    <>
      <BeatText storyId={storyId} beatId={beatId} />
      <Alternatives audit={view} />
    </>
  );
}

function Alternatives({ audit: view }: { audit: Audit }) {
  return (
    <ol id="audit" className="cards">
      {view.alternatives.map((alternative) => (
        <li key={alternative.alternativeIndex}>
          <h3>
            Alternative {alternative.alternativeIndex}
            {alternative.alternativeIndex === view.selectedAlternative && <span className="tag">selected</span>}
          </h3>
          <p className="meta">
            {refText(alternative.model)} · {alternative.deploymentId ?? 'no deployment'} · arm {alternative.arm ?? '—'}
            {alternative.rolloutId && ` · rollout ${alternative.rolloutId} step ${alternative.rolloutStep}`} · recorded{' '}
            {new Date(alternative.recordedAt).toLocaleString()}
          </p>
          <table>
            <caption className="meta">The deployment's decisions in force, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Decision</th>
                <th scope="col">Model</th>
                <th scope="col">Step</th>
                <th scope="col">Verdict</th>
                <th scope="col">Why</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {alternative.decisions.map((d) => (
                <tr key={d.kind + d.decidedAt}>
                  <td>{new Date(d.decidedAt).toLocaleTimeString()}</td>
                  <td>{d.kind}</td>
                  <td>{refText(d.model)}</td>
                  <td>{d.step ?? '—'}</td>
                  <td>{d.verdict ?? '—'}</td>
                  <td>{d.rationale ?? '—'}</td>
                  <td>{d.decidedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </li>
      ))}
    </ol>
  );
}

/**
 * The beat's text and provenance (the same view as the story page), read on its own wherever it stands
 * in the story, when the caller may read the story; the model manager may audit but not read stories.
 */
function BeatText({ storyId, beatId }: { storyId: string; beatId: string }) {
  type Found = { story: { beat: { id: string; text: string; provenance: Provenance | null } | null } | null };
  const story = useQuery<Found>(AUDITED_BEAT_QUERY, { storyId, beatId });
  const beat = story.data?.story?.beat;
  if (!beat) return null;
  return (
    <section aria-labelledby="audited-beat-title" id="audited-beat">
      <h2 id="audited-beat-title">The beat</h2>
      <p>{beat.text}</p>
      {beat.provenance && <BeatProvenance provenance={beat.provenance} />}
    </section>
  );
}
