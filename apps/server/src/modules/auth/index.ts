/** Signing in and out, and one's own password (登录); 双因素登录. */
export { authRoutes } from './auth.routes.ts';
export { twoFactorResetRoutes } from './two-factor.routes.ts';
export { resetTwoFactorFromCli } from './two-factor.service.ts';
