/** Uploaded files (evidence, minutes, rules): stored once per court, read back by id. */
export { fileRoutes } from './files.routes.ts';
