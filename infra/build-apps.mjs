// Bundles a hub app into one ES module for production runs: `node apps/<app>/dist/main.mjs`.
//   node infra/build-apps.mjs ingress
// Development and tests run the TypeScript sources through tsx; a bundle loads no TypeScript loader and
// no per-file source maps, which keeps the ingress under its memory budget (bench:ingress measures it).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apps = process.argv.slice(2);
if (apps.length === 0) {
  console.error('usage: node infra/build-apps.mjs <app> [<app>…]   (apps: ingress, worker)');
  process.exit(2);
}
for (const app of apps) {
  const entry = path.join(root, 'apps', app, 'src', 'main.ts');
  const outfile = path.join(root, 'apps', app, 'dist', 'main.mjs');
  const started = performance.now();
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // pg's optional native binding is loaded inside a try/catch only when asked for.
    external: ['pg-native'],
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __hubCreateRequire } from 'node:module'; const require = __hubCreateRequire(import.meta.url);" },
  });
  console.log(`built ${path.relative(root, outfile)} in ${(performance.now() - started).toFixed(0)} ms`);
}
