// `pnpm gen:api-types`: writes the console's API types from the route table's OpenAPI document, offline.
// `pnpm gen:api-types --check`: exits 1 when the committed file differs from what the routes declare.
// `--doc <file>` also writes the document itself (the same JSON GET /api/openapi.json serves).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateApiTypes, SCHEMA_GEN_PATH } from './api-types';
import { offlineOpenApiDocument } from './offline-document';

const args = process.argv.slice(2);
const check = args.includes('--check');
const docAt = args.indexOf('--doc');
const doc = offlineOpenApiDocument();
if (docAt >= 0) {
  const out = args[docAt + 1];
  if (!out) throw new Error('--doc needs a file name');
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
}
const text = await generateApiTypes(doc);
const target = fileURLToPath(SCHEMA_GEN_PATH);
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  /* not generated yet */
}
if (check) {
  if (current !== text) {
    console.error(`${target} is stale: the API's routes declare other types. Run pnpm gen:api-types and commit the result.`);
    process.exit(1);
  }
  console.log(`${target} is current`);
} else if (current === text) {
  console.log(`${target} unchanged`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
