import type { FeedState } from './useSubscription';

/** A small, announced line saying whether a screen is receiving live updates. */
export function LiveStatus({ feed, what }: { feed: FeedState; what: string }) {
  const text = {
    connecting: `Connecting to live ${what}…`,
    live: `Live: following ${what} as they come.`,
    ended: `Live ${what} ended; reload to follow again.`,
    failed: `Live ${what} unavailable: ${feed.status === 'failed' ? feed.error.message : ''}`,
  }[feed.status];
  return (
    <p className={`live ${feed.status}`} role="status" aria-live="polite" data-live={feed.status}>
      {text}
    </p>
  );
}
