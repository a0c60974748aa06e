import { useState } from 'react';
import { ErrorMessage, Loading } from '../Feedback';
import { useQuery } from '../useQuery';
import { DISCOVERY_RUNS_QUERY, type DiscoveryRun, discoverModels } from './modelApi';

/** The latest scans of the providers' catalogues, and a button to scan now (it answers when the scan is done). */
export function DiscoveryRuns() {
  const runs = useQuery<{ discoveryRuns: DiscoveryRun[] }>(DISCOVERY_RUNS_QUERY, {});
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<Error>();
  const scan = async () => {
    setScanning(true);
    setError(undefined);
    try {
      await discoverModels();
      runs.reload();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setScanning(false);
    }
  };
  return (
    <section aria-labelledby="discovery-title">
      <h2 id="discovery-title">Discovery runs</h2>
      <button type="button" id="discover-models" onClick={scan} disabled={scanning}>
        {scanning ? 'Scanning the catalogues…' : 'Discover models now'}
      </button>
      <ErrorMessage error={error ?? runs.error} />
      {runs.loading && !runs.data && <Loading what="discovery runs" />}
      {runs.data && runs.data.discoveryRuns.length === 0 && <p className="empty">No discovery run since the server started.</p>}
      {runs.data && runs.data.discoveryRuns.length > 0 && (
        <table id="discovery-runs">
          <thead>
            <tr>
              <th scope="col">Finished</th>
              <th scope="col">By</th>
              <th scope="col">Provider</th>
              <th scope="col">Seen</th>
              <th scope="col">Registered</th>
              <th scope="col">Versions added</th>
              <th scope="col">Refused</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.discoveryRuns.flatMap((run) =>
              run.providers.map((scan) => (
                <tr key={`${run.startedAt}-${scan.provider}`}>
                  <td>{new Date(run.finishedAt).toLocaleString()}</td>
                  <td>{run.requestedBy}</td>
                  <td>{scan.provider}</td>
                  <td>{scan.modelsSeen}</td>
                  <td>{scan.modelsRegistered}</td>
                  <td>{scan.versionsAdded}</td>
                  <td>{scan.modelsRejected}</td>
                  <td>{scan.ok ? (scan.error ?? 'ok') : `failed: ${scan.error ?? 'unknown'}`}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
