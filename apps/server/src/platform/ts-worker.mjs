// Starts a worker thread from TypeScript source (tests and `tsx` runs): the module to run is the
// worker's first argument. The bundled server starts its workers' bundles directly.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2] ?? '');
