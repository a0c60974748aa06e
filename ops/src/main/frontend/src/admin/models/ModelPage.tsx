import { useState } from 'react';
import { ErrorMessage, Loading } from '../Feedback';
import { href } from '../route';
import { useQuery } from '../useQuery';
import { MODEL_QUERY, type ModelDetail } from './modelApi';
import { ModelLineage } from './ModelLineage';
import { ModelLink } from './ModelLink';

/**
 * One model: its spec, variant, versions with what each derives from, and a version's lineage: the
 * latest version's, or that of the version chosen in the list.
 */
export function ModelPage({ modelId }: { modelId: string }) {
  const model = useQuery<{ model: ModelDetail | null }>(MODEL_QUERY, { id: modelId });
  // the version chosen in the list, for this model (the page stays mounted when a link opens another)
  const [choice, setChoice] = useState<{ modelId: string; version: string }>();
  const chosen = choice?.modelId === modelId ? choice.version : undefined;
  if (model.loading && !model.data) return <Loading what="the model" />;
  if (model.error) return <ErrorMessage error={model.error} />;
  const view = model.data?.model;
  if (!view) return <p role="alert">The registry has no model {modelId}.</p>;
  const { spec } = view;
  const shown = chosen ?? view.lineage?.chain[0]?.ref.version;
  const showLineage = (version: string) => {
    setChoice({ modelId, version });
    document.getElementById('lineage-title')?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <>
      <p>
        <a href={href({ screen: 'models' })}>← Models</a>
      </p>
      <h1 id="model-id">{view.id}</h1>
      <p className="meta">
        {spec.kind} · {view.source} · {view.status}
        {view.retiredReason && ` (${view.retiredReason})`} · registered by {view.registeredBy}{' '}
        {new Date(view.registeredAt).toLocaleString()}
        {view.discoveredBy && ` · discovered in ${view.discoveredBy}`}
      </p>
      <p className="meta">
        {spec.provider} / {spec.providerModelId} · context {spec.contextWindow} · {spec.license} · {spec.price.inputPerMillion}/
        {spec.price.outputPerMillion} {spec.price.currency} per million tokens in/out
        {spec.capabilities.length > 0 && ` · ${spec.capabilities.join(', ')}`}
      </p>
      {view.variant && (
        <section aria-labelledby="variant-title">
          <h2 id="variant-title">Variant {view.variant.name}</h2>
          <p>
            For {view.variant.useCase}, on <ModelLink model={view.variant.base} />
            {view.variant.sampling && ` · temperature ${view.variant.sampling.temperature ?? '—'}, top-p ${view.variant.sampling.topP ?? '—'}, max tokens ${view.variant.sampling.maxTokens ?? '—'}`}
          </p>
          {view.variant.systemPrompt && <pre className="prompt">{view.variant.systemPrompt}</pre>}
        </section>
      )}
      <ModelLineage modelId={view.id} version={chosen} latest={view.lineage} />
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        {view.versions.length === 0 && <p className="empty">No version yet.</p>}
        <ul id="versions" className="cards">
          {view.versions.map((version) => (
            <li key={version.version} data-version={version.version}>
              <h3>Version {version.version}</h3>
              <button type="button" className="show-lineage" aria-pressed={shown === version.version}
                aria-controls="lineage-title" onClick={() => showLineage(version.version)}>
                Show its lineage
              </button>
              <p className="meta">
                added by {version.addedBy} {new Date(version.addedAt).toLocaleString()}
                {version.derivedFrom && <> · derived from <ModelLink model={version.derivedFrom} /></>}
                {version.trainingDataRange && ` · trained on ${version.trainingDataRange}`}
              </p>
              {version.artifact && (
                <p className="meta">
                  {version.artifact.uri} · {version.artifact.sizeBytes} bytes · sha256 {version.artifact.sha256.slice(0, 12)}…
                </p>
              )}
              {version.evaluations.map((evaluation) => (
                <p key={evaluation.suite + evaluation.evaluatedAt} className="meta">
                  {evaluation.suite}: {evaluation.metrics.map((m) => `${m.name} ${m.value.toFixed(3)}`).join(', ')}
                </p>
              ))}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
