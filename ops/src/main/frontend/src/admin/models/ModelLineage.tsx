import { ErrorMessage, Loading } from '../Feedback';
import { useQuery } from '../useQuery';
import { LINEAGE_QUERY, type Lineage } from './modelApi';
import { ModelLink } from './ModelLink';

/**
 * Where one version of a model comes from, back to a root: the latest version's chain as the model's
 * page read it, or, for a version chosen in the versions list, its own chain read on its own.
 */
export function ModelLineage({ modelId, version, latest }: { modelId: string; version?: string; latest: Lineage | null }) {
  return (
    <section aria-labelledby="lineage-title" aria-live="polite">
      {version === undefined ? <Chain lineage={latest} /> : <ChosenVersion modelId={modelId} version={version} />}
    </section>
  );
}

function ChosenVersion({ modelId, version }: { modelId: string; version: string }) {
  const read = useQuery<{ model: { lineage: Lineage | null } | null }>(LINEAGE_QUERY, { id: modelId, version });
  if (read.loading) return <Heading version={version} busy />;
  if (read.error) {
    return (
      <>
        <Heading version={version} />
        <ErrorMessage error={read.error} />
      </>
    );
  }
  return <Chain lineage={read.data?.model?.lineage ?? null} version={version} />;
}

function Heading({ version, busy, latest }: { version?: string; busy?: boolean; latest?: boolean }) {
  const title = version === undefined ? 'Lineage of the latest version' : `Lineage of version ${version}${latest ? ', the latest' : ''}`;
  return (
    <>
      <h2 id="lineage-title">{title}</h2>
      {busy && <Loading what={`the lineage of version ${version}`} />}
    </>
  );
}

function Chain({ lineage, version }: { lineage: Lineage | null; version?: string }) {
  const chain = lineage?.chain ?? [];
  return (
    <>
      <Heading version={version ?? chain[0]?.ref.version} latest={version === undefined} />
      {chain.length > 1 ? (
        <ol id="lineage" className="lineage" data-version={chain[0].ref.version}>
          {chain.map((step, index) => (
            <li key={`${step.ref.modelId}-${step.ref.version}`}>
              {index > 0 && <span className="meta">{index === 1 ? 'derived from ' : 'which derives from '}</span>}
              <ModelLink model={step.ref} /> <span className="tag">{lineageWord(step.source)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty" id="lineage" data-version={chain[0]?.ref.version}>
          {chain.length === 0 ? 'No version yet, so no lineage.' : 'A root: it derives from no other model.'}
        </p>
      )}
    </>
  );
}

/** The source says how a step was obtained: fine-tuned, acquired (downloaded), a variant, trained here. */
function lineageWord(source: string | null): string {
  switch (source) {
    case 'FINE_TUNED':
      return 'fine-tuned';
    case 'DOWNLOADED':
      return 'acquired';
    case 'VARIANT':
      return 'variant';
    case 'HOUSE_TRAINED':
      return 'trained here';
    case null:
      return 'source unknown';
    default:
      return source.toLowerCase().replace('_', ' ');
  }
}
