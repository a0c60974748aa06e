import { useCallback, useEffect, useState } from 'react';
import { ApiFailure } from '../shared/graphql';
import { currentToken, forgetToken, keepToken } from '../shared/session';
import { closeSubscriptions } from '../shared/subscribe';
import { type Caller, whoAmI } from './caller';
import { ErrorMessage, Loading } from './Feedback';
import { Navigation } from './Navigation';
import { useRoute } from './route';
import { Screen } from './Screen';
import { SignIn } from './SignIn';

type Session = { state: 'checking' } | { state: 'signedOut'; error?: Error } | { state: 'signedIn'; caller: Caller };

/** The portal's frame: who is signed in, what their roles let them open, and the current screen. */
export function App() {
  const [session, setSession] = useState<Session>(() => (currentToken() ? { state: 'checking' } : { state: 'signedOut' }));
  const route = useRoute();

  const identify = useCallback(() => {
    whoAmI().then(
      (caller) => setSession({ state: 'signedIn', caller }),
      (error: Error) => {
        if (error instanceof ApiFailure && error.unauthenticated) forgetToken();
        setSession({ state: 'signedOut', error });
      },
    );
  }, []);

  useEffect(() => {
    if (session.state === 'checking') identify();
  }, [session.state, identify]);

  const signedIn = (token: string) => {
    keepToken(token);
    closeSubscriptions();
    setSession({ state: 'checking' });
  };
  const signOut = () => {
    forgetToken();
    closeSubscriptions();
    setSession({ state: 'signedOut' });
  };

  if (session.state === 'checking') return <Loading what="your account" />;
  if (session.state === 'signedOut') {
    return (
      <main className="narrow">
        <h1>Storyteller admin</h1>
        <ErrorMessage error={session.error} />
        <SignIn onSignedIn={signedIn} />
      </main>
    );
  }
  const { caller } = session;
  return (
    <>
      <header className="bar">
        <Navigation caller={caller} />
        <span className="who" id="signed-in-as">
          {caller.userId} · {caller.roles.join(', ') || 'no roles'}
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        <Screen caller={caller} route={route} />
      </main>
    </>
  );
}
