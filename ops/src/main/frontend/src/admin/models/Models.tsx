import { useState } from 'react';
import { ErrorMessage, Loading } from '../Feedback';
import { href } from '../route';
import { useQuery } from '../useQuery';
import { DiscoveryRuns } from './DiscoveryRuns';
import { MODEL_KINDS, MODEL_SOURCES, MODEL_STATUSES, MODELS_QUERY, type ModelRow } from './modelApi';

/** The model registry, filtered by kind and status (by the API) and by source (here: the API has no such filter). */
export function Models() {
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [source, setSource] = useState('');
  const models = useQuery<{ models: ModelRow[] }>(MODELS_QUERY, { kind: kind || null, status: status || null });
  const shown = models.data?.models.filter((model) => !source || model.source === source);

  return (
    <>
      <h1>Models</h1>
      <form className="row filters" aria-label="Filter the registry" onSubmit={(event) => event.preventDefault()}>
        <Choice id="filter-kind" label="Kind" value={kind} options={MODEL_KINDS} onChange={setKind} />
        <Choice id="filter-source" label="Source" value={source} options={MODEL_SOURCES} onChange={setSource} />
        <Choice id="filter-status" label="Status" value={status} options={MODEL_STATUSES} onChange={setStatus} />
      </form>
      {models.loading && !models.data && <Loading what="the registry" />}
      <ErrorMessage error={models.error} />
      {shown && shown.length === 0 && <p className="empty">No model in the registry matches.</p>}
      {shown && shown.length > 0 && (
        <table id="models">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Kind</th>
              <th scope="col">Source</th>
              <th scope="col">Status</th>
              <th scope="col">Versions</th>
              <th scope="col">Context</th>
              <th scope="col">License</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((model) => (
              <tr key={model.id} data-model={model.id}>
                <td>
                  <a href={href({ screen: 'model', modelId: model.id })}>{model.id}</a>
                </td>
                <td>{model.spec.kind}</td>
                <td>
                  {model.source}
                  {model.discoveredBy && <span className="meta"> · found in {model.discoveredBy}</span>}
                </td>
                <td>{model.status}</td>
                <td>{model.versions.map((v) => v.version).join(', ') || '—'}</td>
                <td>{model.spec.contextWindow}</td>
                <td>{model.spec.license}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DiscoveryRuns />
    </>
  );
}

function Choice(props: { id: string; label: string; value: string; options: readonly string[]; onChange: (value: string) => void }) {
  return (
    <label htmlFor={props.id}>
      {props.label}
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">any</option>
        {props.options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </label>
  );
}
