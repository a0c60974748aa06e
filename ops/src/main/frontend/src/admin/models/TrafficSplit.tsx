import type { Deployment } from './deploymentApi';
import { refText } from './modelApi';

/** The slot's live split as a bar: the stable share, the candidate's, and whether the candidate is mirrored (shadow). */
export function TrafficSplit({ slot }: { slot: Deployment }) {
  const { traffic } = slot;
  const label = `stable ${traffic.stableWeight}% · candidate ${traffic.canaryWeight}%${traffic.shadowMirrored ? ' · shadow mirrored' : ''}`;
  return (
    <div className="split" data-split={`${traffic.stableWeight}/${traffic.canaryWeight}`}>
      <div className="split-bar" role="img" aria-label={label}>
        <span className="stable" style={{ width: `${traffic.stableWeight}%` }} />
        <span className="canary" style={{ width: `${traffic.canaryWeight}%` }} />
      </div>
      <span className="meta">
        {label}
        {traffic.candidate && ` (${refText(traffic.candidate)})`}
      </span>
    </div>
  );
}
