/** Public commitments (公开承诺): what other modules may use of them. */
export { commitmentRoutes, publicCommitmentRoutes } from './commitments.routes.ts';
export { listPublicCommitments, publishedCommitments } from './commitments.public.ts';
