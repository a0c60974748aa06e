import { useEffect, useState } from 'react';

/** The screen the location's hash names: #/worlds, #/worlds/{id}, #/worlds/{id}/stories/{storyId}. */
export type Route =
  | { screen: 'worlds' }
  | { screen: 'world'; worldId: string }
  | { screen: 'story'; worldId: string; storyId: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'worlds' && parts[1] && parts[2] === 'stories' && parts[3]) {
    return { screen: 'story', worldId: parts[1], storyId: parts[3] };
  }
  if (parts[0] === 'worlds' && parts[1]) return { screen: 'world', worldId: parts[1] };
  return { screen: 'worlds' };
}

export function href(route: Route): string {
  switch (route.screen) {
    case 'worlds':
      return '#/worlds';
    case 'world':
      return `#/worlds/${encodeURIComponent(route.worldId)}`;
    case 'story':
      return `#/worlds/${encodeURIComponent(route.worldId)}/stories/${encodeURIComponent(route.storyId)}`;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}
