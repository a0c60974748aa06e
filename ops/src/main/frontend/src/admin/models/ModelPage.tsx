import { ErrorMessage, Loading } from '../Feedback';
import { href } from '../route';
import { useQuery } from '../useQuery';
import { MODEL_QUERY, type ModelDetail, type ModelRef, refText } from './modelApi';

/** One model: its spec, variant, versions with what each derives from, and the latest version's lineage. */
export function ModelPage({ modelId }: { modelId: string }) {
  const model = useQuery<{ model: ModelDetail | null }>(MODEL_QUERY, { id: modelId });
  if (model.loading && !model.data) return <Loading what="the model" />;
  if (model.error) return <ErrorMessage error={model.error} />;
  const view = model.data?.model;
  if (!view) return <p role="alert">The registry has no model {modelId}.</p>;
  const { spec } = view;
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
      <section aria-labelledby="lineage-title">
        <h2 id="lineage-title">Lineage of the latest version</h2>
        {view.lineage && view.lineage.chain.length > 1 ? (
          <ol id="lineage" className="lineage">
            {view.lineage.chain.map((step, index) => (
              <li key={`${step.ref.modelId}-${step.ref.version}`}>
                {index > 0 && <span className="meta">{index === 1 ? 'derived from ' : 'which derives from '}</span>}
                <ModelLink model={step.ref} /> <span className="tag">{lineageWord(step.source)}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="empty" id="lineage">A root: it derives from no other model.</p>
        )}
      </section>
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        {view.versions.length === 0 && <p className="empty">No version yet.</p>}
        <ul id="versions" className="cards">
          {view.versions.map((version) => (
            <li key={version.version}>
              <h3>Version {version.version}</h3>
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

/** The source says how a step was obtained: fine-tuned, acquired (downloaded), a variant, trained here. */
function lineageWord(source: string): string {
  switch (source) {
    case 'FINE_TUNED':
      return 'fine-tuned';
    case 'DOWNLOADED':
      return 'acquired';
    case 'VARIANT':
      return 'variant';
    case 'HOUSE_TRAINED':
      return 'trained here';
    default:
      return source.toLowerCase().replace('_', ' ');
  }
}

function ModelLink({ model }: { model: ModelRef }) {
  return <a href={href({ screen: 'model', modelId: model.modelId })}>{refText(model)}</a>;
}
