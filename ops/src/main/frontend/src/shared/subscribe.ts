import { type Client, createClient } from 'graphql-ws';
import { type ApiError, ApiFailure } from './graphql';
import { authorization } from './session';

// One WebSocket for every subscription of the tab (graphql-ws protocol, on /graphql like queries).
// Browsers cannot set headers on the handshake, so the token travels in connection_init, where the
// API checks it as it checks a request's Authorization header. Lazy: opened by the first subscription,
// closed shortly after the last one ends; it reconnects by itself after a network failure.
let client: Client | undefined;
let connected = false;
const connectedListeners = new Set<() => void>();

function socket(): Client {
  if (!client) {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    client = createClient({
      url: `${scheme}://${window.location.host}/graphql`,
      lazy: true,
      lazyCloseTimeout: 1000,
      retryAttempts: 5,
      connectionParams: () => {
        const auth = authorization();
        return auth ? { Authorization: auth } : {};
      },
    });
    client.on('connected', () => {
      connected = true;
      connectedListeners.forEach((listener) => listener());
    });
    client.on('closed', () => {
      connected = false;
    });
  }
  return client;
}

/** Forgets the socket, e.g. at sign-out, so the next subscription authenticates with the new token. */
export function closeSubscriptions(): void {
  client?.dispose();
  client = undefined;
  connected = false;
}

export interface SubscriptionHandlers<T> {
  /** The socket is connected and the API accepted the token: the subscription is being served. */
  started?: () => void;
  next: (data: T) => void;
  error: (error: Error) => void;
  complete?: () => void;
}

/** Starts one subscription; returns the function that ends it. Errors are the API's typed errors. */
export function subscribe<T>(query: string, variables: Record<string, unknown>, handlers: SubscriptionHandlers<T>): () => void {
  const started = () => handlers.started?.();
  connectedListeners.add(started);
  const end = socket().subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors && result.errors.length > 0) {
          handlers.error(new ApiFailure(result.errors as unknown as ApiError[], 200));
        } else if (result.data) {
          handlers.next(result.data as T);
        }
      },
      error: (error) => handlers.error(asError(error)),
      complete: () => handlers.complete?.(),
    },
  );
  if (connected) queueMicrotask(started);
  return () => {
    connectedListeners.delete(started);
    end();
  };
}

/** graphql-ws reports a list of GraphQL errors, a CloseEvent (4401: the token was refused) or an Error. */
function asError(error: unknown): Error {
  if (Array.isArray(error)) return new ApiFailure(error as ApiError[], 200);
  if (error instanceof Error) return error;
  if (typeof CloseEvent !== 'undefined' && error instanceof CloseEvent) {
    return new ApiFailure([], error.code === 4401 ? 401 : 503);
  }
  return new Error('The live connection to the API failed.');
}
