/**
 * `npm start`: runs the bundled server (dist/main.js), building it first when a source file is
 * newer than the bundle, so a changed checkout never starts old code.
 */
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { buildServer, bundleIsStale, BUNDLE } from './build.mjs';

if (bundleIsStale()) {
  process.stdout.write('正在构建服务端……\n');
  await buildServer();
}
await import(pathToFileURL(BUNDLE).href);
