/** Where a narration came from, as the API records it: model, routing, lore given, and each candidate's judgement. */
export interface Provenance {
  model: string;
  modelVersion: string | null;
  deploymentId: string | null;
  arm: string | null;
  rolloutId: string | null;
  loreEntryIds: string[];
  latencyMillis: number;
  selection: string | null;
  candidates: Candidate[];
}

interface Candidate {
  index: number;
  round: number;
  model: string | null;
  outcome: string;
  failure: string | null;
  scores: {
    total: number;
    loreConsistency: number;
    continuity: number;
    detector: number | null;
    guardrail: { allowed: boolean; breaches: string[] } | null;
    contradictions: { kind: string }[];
  } | null;
}

export const PROVENANCE_FIELDS = `provenance {
  model modelVersion deploymentId arm rolloutId loreEntryIds latencyMillis selection
  candidates { index round model outcome failure
    scores { total loreConsistency continuity detector guardrail { allowed breaches } contradictions { kind } } }
}`;

export function BeatProvenance({ provenance }: { provenance: Provenance }) {
  const facts = [
    `model ${provenance.model}`,
    provenance.deploymentId && `deployment ${provenance.deploymentId}`,
    provenance.arm && `arm ${provenance.arm}`,
    provenance.rolloutId && `rollout ${provenance.rolloutId}`,
    loreCount(provenance.loreEntryIds.length),
    `${provenance.latencyMillis} ms`,
  ].filter(Boolean);
  return (
    <div className="provenance">
      <p className="meta">{facts.join(' · ')}</p>
      {provenance.selection && <p className="meta">Chosen because: {provenance.selection}</p>}
      {provenance.candidates.length > 0 && (
        <table className="candidates">
          <caption className="meta">Candidates</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Round</th>
              <th scope="col">Model</th>
              <th scope="col">Outcome</th>
              <th scope="col">Total</th>
              <th scope="col">Lore</th>
              <th scope="col">Continuity</th>
              <th scope="col">Detector</th>
              <th scope="col">Guardrail</th>
              <th scope="col">Contradictions</th>
            </tr>
          </thead>
          <tbody>
            {provenance.candidates.map((candidate) => (
              <tr key={`${candidate.round}-${candidate.index}`}>
                <td>{candidate.index}</td>
                <td>{candidate.round}</td>
                <td>{candidate.model ?? '—'}</td>
                <td title={candidate.failure ?? undefined}>{candidate.outcome}</td>
                <td>{score(candidate.scores?.total)}</td>
                <td>{score(candidate.scores?.loreConsistency)}</td>
                <td>{score(candidate.scores?.continuity)}</td>
                <td>{score(candidate.scores?.detector)}</td>
                <td>{guardrail(candidate)}</td>
                <td>{candidate.scores?.contradictions.map((c) => c.kind).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function loreCount(count: number): string {
  return `${count} lore ${count === 1 ? 'entry' : 'entries'}`;
}

function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

function guardrail(candidate: Candidate): string {
  const verdict = candidate.scores?.guardrail;
  if (!verdict) return '—';
  return verdict.allowed ? 'allowed' : `blocked: ${verdict.breaches.join(', ')}`;
}
