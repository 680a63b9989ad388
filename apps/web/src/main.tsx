import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app';
import { errorCode } from './lib/errors';
import { createClient, TRPCProvider } from './lib/trpc';
import './styles/base.css';
import './styles/shell.css';
import './styles/auth.css';
import './styles/chat.css';

// Refusals (bad input, not found, signed out, budget) will not change on a retry; only network
// trouble and server faults are worth another go.
const NO_RETRY = new Set([
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_REQUEST',
  'TOO_MANY_REQUESTS',
]);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (failures, error) => failures < 2 && !NO_RETRY.has(errorCode(error) ?? ''),
    },
    mutations: { retry: false },
  },
});
const trpcClient = createClient();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <App />
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
