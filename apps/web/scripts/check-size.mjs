// The JavaScript a first visit must load (the entry script and what index.html preloads),
// gzipped, against a budget. Lazy chunks, such as the usage page and its charts, do not count.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const LIMIT_KB = 200;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const indexFile = path.join(dist, 'index.html');

if (!existsSync(indexFile)) {
  console.error(`No build found at ${indexFile}. Run \`pnpm --filter @analyst/web build\` first.`);
  process.exit(1);
}

const html = readFileSync(indexFile, 'utf8');
const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map(
  (match) => match[1],
);
const files = [...new Set([...scripts, ...preloads])].filter((file) => file.endsWith('.js'));

if (files.length === 0) {
  console.error('dist/index.html names no scripts; is this a Vite build?');
  process.exit(1);
}

let total = 0;
for (const file of files) {
  const full = path.join(dist, file.replace(/^\//, ''));
  if (!existsSync(full)) {
    console.error(`index.html names ${file}, which is not in dist.`);
    process.exit(1);
  }
  const gzipped = gzipSync(readFileSync(full), { level: 9 }).length;
  total += gzipped;
  console.log(`  ${(gzipped / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}

const totalKb = total / 1024;
console.log(`Initial JavaScript: ${totalKb.toFixed(1)} KB gzipped (budget ${LIMIT_KB} KB).`);
if (totalKb > LIMIT_KB) {
  console.error(`Over budget by ${(totalKb - LIMIT_KB).toFixed(1)} KB.`);
  process.exit(1);
}
