// The caller's access token, kept for this browser tab only (sessionStorage): the portal and the
// bundled GraphiQL on the same origin share it; closing the tab signs out. A token past its expiry
// (the JWT's exp) is forgotten when read, so an expired sign-in ends cleanly instead of failing calls.
const TOKEN_KEY = 'storyteller.token';

/** Sent on the window when the API refused the token: whoever shows the session signs out. */
export const SIGNED_OUT_EVENT = 'storyteller:signed-out';

export function currentToken(): string | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const expiresAt = expiryOf(token);
  if (expiresAt !== undefined && expiresAt <= Date.now()) {
    forgetToken();
    return null;
  }
  return token;
}

export function keepToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** When the current token expires (ms since the epoch), if it says. */
export function tokenExpiresAt(): number | undefined {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? expiryOf(token) : undefined;
}

/** The Authorization header value for the current token, if any. */
export function authorization(): string | undefined {
  const token = currentToken();
  return token ? `Bearer ${token}` : undefined;
}

/**
 * A JWT's claims, read without checking the signature: only for what the browser itself decides (when
 * to sign out, an ID token's nonce); the API verifies every token it is sent.
 */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? claims : undefined;
  } catch {
    return undefined;
  }
}

function expiryOf(token: string): number | undefined {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : undefined;
}
