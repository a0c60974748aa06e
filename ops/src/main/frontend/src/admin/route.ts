import { useEffect, useState } from 'react';
import type { ScreenGroup } from './caller';

/** The screen the location's hash names, e.g. #/worlds/{id}, #/deployments/{id}/rollouts/{rolloutId}. */
export type Route =
  | { screen: 'worlds' }
  | { screen: 'world'; worldId: string }
  | { screen: 'story'; worldId: string; storyId: string }
  | { screen: 'models' }
  | { screen: 'model'; modelId: string }
  | { screen: 'deployments' }
  | { screen: 'rollout'; deploymentId: string; rolloutId: string }
  | { screen: 'audit'; storyId?: string; beatId?: string }
  | { screen: 'operations' }
  | { screen: 'events' };

/** Which group of screens a route belongs to: the caller's roles must allow the group. */
export function groupOf(route: Route): ScreenGroup {
  switch (route.screen) {
    case 'worlds':
    case 'world':
    case 'story':
      return 'worlds';
    case 'models':
    case 'model':
    case 'deployments':
    case 'rollout':
    case 'audit':
      return 'models';
    case 'operations':
    case 'events':
      return 'operations';
  }
}

export function parseRoute(hash: string): Route | undefined {
  const [a, b, c, d] = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (a === 'worlds' && b && c === 'stories' && d) return { screen: 'story', worldId: b, storyId: d };
  if (a === 'worlds' && b) return { screen: 'world', worldId: b };
  if (a === 'worlds') return { screen: 'worlds' };
  if (a === 'models' && b) return { screen: 'model', modelId: b };
  if (a === 'models') return { screen: 'models' };
  if (a === 'deployments' && b && c === 'rollouts' && d) return { screen: 'rollout', deploymentId: b, rolloutId: d };
  if (a === 'deployments') return { screen: 'deployments' };
  if (a === 'audit') return { screen: 'audit', storyId: b, beatId: c };
  if (a === 'operations') return { screen: 'operations' };
  if (a === 'events') return { screen: 'events' };
  return undefined;
}

const part = encodeURIComponent;

export function href(route: Route): string {
  switch (route.screen) {
    case 'worlds':
      return '#/worlds';
    case 'world':
      return `#/worlds/${part(route.worldId)}`;
    case 'story':
      return `#/worlds/${part(route.worldId)}/stories/${part(route.storyId)}`;
    case 'models':
      return '#/models';
    case 'model':
      return `#/models/${part(route.modelId)}`;
    case 'deployments':
      return '#/deployments';
    case 'rollout':
      return `#/deployments/${part(route.deploymentId)}/rollouts/${part(route.rolloutId)}`;
    case 'audit':
      return route.storyId && route.beatId ? `#/audit/${part(route.storyId)}/${part(route.beatId)}` : '#/audit';
    case 'operations':
      return '#/operations';
    case 'events':
      return '#/events';
  }
}

/** The current route; undefined when the hash names no screen (the frame then opens the caller's first). */
export function useRoute(): Route | undefined {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}
