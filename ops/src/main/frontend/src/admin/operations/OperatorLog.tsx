import { useState } from 'react';
import { ErrorMessage, Loading } from '../Feedback';
import { useQuery } from '../useQuery';
import { type OperatorAction, OPERATOR_ACTIONS_QUERY } from './opsApi';

/** What operators did, newest first, twenty at a time ("Older" pages on with the last cursor). */
export function OperatorLog() {
  const [after, setAfter] = useState<(string | null)[]>([null]);
  const cursor = after[after.length - 1];
  const page = useQuery<{ operatorActions: OperatorAction[] }>(OPERATOR_ACTIONS_QUERY, { after: cursor });
  const actions = page.data?.operatorActions;
  return (
    <section aria-labelledby="operator-log-title">
      <h2 id="operator-log-title">Operator log</h2>
      <button type="button" onClick={page.reload}>
        Refresh
      </button>
      <ErrorMessage error={page.error} />
      {page.loading && !page.data && <Loading what="the operator log" />}
      {actions && actions.length === 0 && <p className="empty">No operator action{cursor ? ' older than these' : ' yet'}.</p>}
      {actions && actions.length > 0 && (
        <table id="operator-log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Operator</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action.actionId} className={action.succeeded ? undefined : 'bad'}>
                <td>{new Date(action.at).toLocaleString()}</td>
                <td>{action.operatorId}</td>
                <td>{action.action}</td>
                <td>{action.target}</td>
                <td>{action.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        <button type="button" disabled={after.length === 1} onClick={() => setAfter(after.slice(0, -1))}>
          Newer
        </button>
        <button type="button" disabled={!actions || actions.length < 20} onClick={() => setAfter([...after, actions![actions!.length - 1].cursor])}>
          Older
        </button>
      </div>
    </section>
  );
}
