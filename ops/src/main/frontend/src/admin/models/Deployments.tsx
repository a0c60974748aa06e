import { ErrorMessage, Loading } from '../Feedback';
import { LiveStatus } from '../LiveStatus';
import { href } from '../route';
import { refText } from './modelApi';
import { StartRolloutForm } from './StartRolloutForm';
import { TrafficSplit } from './TrafficSplit';
import { useDeployments } from './useDeployments';

/** The deployment slots with their live traffic split and rollout, and a form to start a rollout. */
export function Deployments() {
  const { slots, loading, error, feed } = useDeployments();
  return (
    <>
      <h1>Deployments</h1>
      <LiveStatus feed={feed} what="slot changes" />
      {loading && <Loading what="the deployment slots" />}
      <ErrorMessage error={error} />
      {slots && slots.length === 0 && <p className="empty">No deployment slot yet: every use case runs on its default.</p>}
      {slots && slots.length > 0 && (
        <table id="deployments">
          <thead>
            <tr>
              <th scope="col">Slot</th>
              <th scope="col">Use case</th>
              <th scope="col">Stable</th>
              <th scope="col">Traffic</th>
              <th scope="col">Rollout</th>
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => (
              <tr key={slot.id} data-deployment={slot.id}>
                <td>{slot.id}</td>
                <td>{slot.useCase}</td>
                <td className="stable-ref">{refText(slot.stable)}</td>
                <td>
                  <TrafficSplit slot={slot} />
                </td>
                <td>
                  {slot.rollout ? (
                    <a href={href({ screen: 'rollout', deploymentId: slot.id, rolloutId: slot.rollout.rolloutId })}>
                      {slot.rollout.phase} step {slot.rollout.step}/{slot.rollout.lastStep}
                      {slot.rollout.paused && ' (paused)'}
                    </a>
                  ) : (
                    <span className="meta">none</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {slots && slots.some((slot) => !slot.rollout) && <StartRolloutForm slots={slots.filter((slot) => !slot.rollout)} />}
    </>
  );
}
