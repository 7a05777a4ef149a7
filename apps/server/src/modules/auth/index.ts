/** Signing in and out, and one's own password (登录). */
export { authRoutes } from './auth.routes.ts';
