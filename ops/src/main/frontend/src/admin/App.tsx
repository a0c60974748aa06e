import { useCallback, useEffect, useState } from 'react';
import { ApiFailure } from '../shared/graphql';
import { currentToken, forgetToken, keepToken } from '../shared/session';
import { type Caller, mayAdministerWorlds, whoAmI } from './caller';
import { ErrorMessage, Loading } from './Feedback';
import { useRoute } from './route';
import { SignIn } from './SignIn';
import { StoryPage } from './StoryPage';
import { WorldPage } from './WorldPage';
import { Worlds } from './Worlds';

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
    setSession({ state: 'checking' });
  };
  const signOut = () => {
    forgetToken();
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
        <a className="brand" href="#/worlds">
          Storyteller admin
        </a>
        <nav aria-label="Screens">
          <a href="#/worlds">Worlds</a>
          <a href="/graphiql">GraphiQL</a>
        </nav>
        <span className="who" id="signed-in-as">
          {caller.userId} · {caller.roles.join(', ') || 'no roles'}
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>{screen(caller, route)}</main>
    </>
  );
}

function screen(caller: Caller, route: ReturnType<typeof useRoute>) {
  if (!mayAdministerWorlds(caller)) {
    return (
      <section id="refused" role="alert">
        <h1>Not for your roles</h1>
        <p>
          The admin screens are for world admins and platform admins. Your token grants{' '}
          {caller.roles.join(', ') || 'no roles'}.
        </p>
      </section>
    );
  }
  switch (route.screen) {
    case 'worlds':
      return <Worlds />;
    case 'world':
      return <WorldPage worldId={route.worldId} caller={caller} />;
    case 'story':
      return <StoryPage worldId={route.worldId} storyId={route.storyId} />;
  }
}
