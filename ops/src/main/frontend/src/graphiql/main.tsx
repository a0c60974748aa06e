import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createClient } from 'graphql-ws';
import { createRoot } from 'react-dom/client';
import { authorization } from '../shared/session';
import './graphiql.css';

// GraphiQL served from the application's own bundle: no CDN, so it works without internet and runs
// under the strict Content-Security-Policy. Queries go to /graphql; subscriptions to the same path
// over a WebSocket, whose connection_init carries the token (browsers cannot set handshake headers).
const socketUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;

// A token from the portal's sign-in (same tab) also goes with GraphiQL's own requests, such as the
// schema introspection it sends before the headers editor is read; otherwise paste one in that editor.
const auth = authorization();

const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  headers: auth ? { Authorization: auth } : undefined,
  wsClient: createClient({
    url: socketUrl,
    lazy: true,
    connectionParams: () => {
      const auth = authorization();
      return auth ? { Authorization: auth } : {};
    },
  }),
});

const initialHeaders = JSON.stringify({ Authorization: auth ?? 'Bearer <token from the portal or the token CLI>' }, null, 2);

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} headers={initialHeaders} defaultQuery="{ me { userId roles } }" defaultEditorToolsVisibility="headers" />,
);
