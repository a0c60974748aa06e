// The caller's access token, kept for this browser tab only (sessionStorage): the portal and the
// bundled GraphiQL on the same origin share it; closing the tab signs out.
const TOKEN_KEY = 'storyteller.token';

export function currentToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function keepToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The Authorization header value for the current token, if any. */
export function authorization(): string | undefined {
  const token = currentToken();
  return token ? `Bearer ${token}` : undefined;
}
