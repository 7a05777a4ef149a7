/**
 * The JavaScript the sign-in page needs, read from the build: the entry script and its
 * modulepreloads, everything they import statically, and the lazily loaded login-page chunk with
 * its own static imports. Other lazy chunks (the other pages, ECharts) are not counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface JsFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
}

/** Scripts and modulepreloads of index.html, as paths inside dist. */
export function entryFiles(html: string): string[] {
  const files: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attribute(tag, 'src');
    if (src && attribute(tag, 'type') === 'module') files.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = attribute(tag, 'href');
    if (href && attribute(tag, 'rel') === 'modulepreload') files.push(href);
  }
  return files.map((f) => f.replace(/^\//, ''));
}

function importsOf(dist: string, file: string, pattern: RegExp): string[] {
  const code = fs.readFileSync(path.join(dist, file), 'utf8');
  return [...code.matchAll(pattern)].map((m) => path.posix.join(path.posix.dirname(file), m[1] ?? ''));
}

/** `roots` and every file they import statically, transitively. */
function staticClosure(dist: string, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(dist, file, STATIC_IMPORT));
  }
  return seen;
}

export interface LoginBundle {
  files: JsFile[];
  loginChunk: string | undefined;
  gzipBytes: number;
  bytes: number;
}

export function measureLoginBundle(dist: string, loginChunkPrefix = 'login-page-'): LoginBundle {
  const roots = entryFiles(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'));
  const eager = staticClosure(dist, roots);
  const lazy = [...eager].flatMap((file) => importsOf(dist, file, DYNAMIC_IMPORT));
  const loginChunk = lazy.find((file) => path.posix.basename(file).startsWith(loginChunkPrefix));
  const all = loginChunk ? new Set([...eager, ...staticClosure(dist, [loginChunk])]) : eager;
  const files = [...all].sort().map((file) => {
    const content = fs.readFileSync(path.join(dist, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return {
    files,
    loginChunk,
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
  };
}

/** Source files changed after the build, which the build therefore does not reflect. */
export function sourcesNewerThanBuild(dist: string, src: string): string[] {
  const built = fs.statSync(path.join(dist, 'index.html')).mtimeMs;
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (fs.statSync(full).mtimeMs > built) newer.push(path.relative(src, full));
    }
  };
  walk(src);
  return newer;
}
