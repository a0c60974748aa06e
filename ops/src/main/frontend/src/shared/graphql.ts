import { authorization, forgetToken, SIGNED_OUT_EVENT } from './session';

/** One error the API returned, with its classification (UNAUTHORIZED, FORBIDDEN, BAD_REQUEST, ...). */
export interface ApiError {
  message: string;
  path?: (string | number)[];
  extensions?: { classification?: string; [key: string]: unknown };
}

/** Thrown when a call fails: the API's typed errors, or the HTTP status when there was no GraphQL answer. */
export class ApiFailure extends Error {
  readonly errors: ApiError[];
  readonly status: number;

  constructor(errors: ApiError[], status: number) {
    super(errors.map((error) => error.message).join('; ') || `HTTP ${status}`);
    this.errors = errors;
    this.status = status;
  }

  /** True when the token is missing, expired or refused: the caller must sign in again. */
  get unauthenticated(): boolean {
    return this.status === 401 || this.errors.some((e) => e.extensions?.classification === 'UNAUTHORIZED');
  }
}

/** Sends one operation to the application's GraphQL endpoint with the caller's token. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const auth = authorization();
  if (auth) headers.Authorization = auth;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  let body: { data?: T; errors?: ApiError[] } | undefined;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok || !body || (body.errors && body.errors.length > 0)) {
    const failure = new ApiFailure(body?.errors ?? [], response.status);
    if (auth && failure.unauthenticated) {
      // the token expired or was refused: sign out rather than leave every screen failing
      forgetToken();
      window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    }
    throw failure;
  }
  return body.data as T;
}

/**
 * Reads until the answer shows a write just made: the API's read models follow its commands a moment
 * later (event-sourced), so a screen that re-reads at once could still show the state before. Gives
 * up after the patience and returns the latest answer; the caller shows it as it is.
 */
export async function readUntil<T>(
  query: string,
  variables: Record<string, unknown>,
  settled: (data: T) => boolean,
  patienceMs = 15000,
): Promise<T> {
  const deadline = Date.now() + patienceMs;
  for (let pause = 100; ; pause = Math.min(pause * 2, 1000)) {
    const data = await graphql<T>(query, variables);
    if (settled(data) || Date.now() >= deadline) return data;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
