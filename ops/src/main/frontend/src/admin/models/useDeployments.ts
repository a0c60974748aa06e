import { useCallback, useState } from 'react';
import { useQuery } from '../useQuery';
import { type FeedState, useSubscription } from '../useSubscription';
import { type Deployment, DEPLOYMENT_EVENTS, DEPLOYMENTS_QUERY } from './deploymentApi';

export interface LiveDeployments {
  /** Every slot known, by id: the query's answer, overlaid with each later change the subscription pushed. */
  slots?: Deployment[];
  loading: boolean;
  error?: Error;
  feed: FeedState;
}

/**
 * The deployment slots, live (onChange hears each pushed slot, e.g. to chart a rollout's steps): read once (so an empty registry shows as empty), then kept current by
 * deploymentEvents, which sends every slot once and then each slot whenever it changes.
 */
export function useDeployments(onChange?: (slot: Deployment) => void): LiveDeployments {
  const read = useQuery<{ deployments: Deployment[] }>(DEPLOYMENTS_QUERY, {});
  const [pushed, setPushed] = useState<Record<string, Deployment>>({});
  const feed = useSubscription<{ deploymentEvents: Deployment }>(DEPLOYMENT_EVENTS, {}, useCallback((data) => {
    const slot = data.deploymentEvents;
    setPushed((previous) => ({ ...previous, [slot.id]: slot }));
    onChange?.(slot);
  }, [onChange]));
  let slots: Deployment[] | undefined;
  if (read.data) {
    const byId = new Map(read.data.deployments.map((slot) => [slot.id, slot]));
    Object.values(pushed).forEach((slot) => byId.set(slot.id, newer(byId.get(slot.id), slot)));
    slots = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
  return { slots, loading: read.loading && !read.data, error: read.error, feed };
}

/** The read may answer after a pushed change: keep whichever the slot's updatedAt says is later. */
function newer(read: Deployment | undefined, pushed: Deployment): Deployment {
  return read && Date.parse(read.updatedAt) > Date.parse(pushed.updatedAt) ? read : pushed;
}
