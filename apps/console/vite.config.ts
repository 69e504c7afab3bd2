import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `pnpm dev` proxies the API (default http://127.0.0.1:3000) so the console runs on its own origin.
const api = process.env.CONSOLE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/media': { target: api, changeOrigin: false },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // React itself changes less often than the console: its own chunk stays cached across deploys.
    rollupOptions: {
      output: {
        manualChunks: (id) => (/node_modules\/(\.pnpm\/)?(react|react-dom|scheduler)[@/]/.test(id) ? 'react' : undefined),
      },
    },
    chunkSizeWarningLimit: 250,
  },
});
