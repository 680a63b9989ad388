import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/trpc': server,
      '/api': server,
      '/healthz': server,
    },
  },
  preview: {
    proxy: {
      '/trpc': server,
      '/api': server,
      '/healthz': server,
    },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React first: every other group depends on it and would otherwise take it along.
            {
              name: 'react',
              test: /node_modules[\\/].*[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 3,
            },
            // The chart library is reached only from the lazy usage page, so its chunk is
            // fetched when someone opens that page, never at start.
            {
              name: 'charts',
              test: /node_modules[\\/].*[\\/](recharts|d3-[a-z-]+|victory-vendor)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
});
