import {
  LoginResponse,
  MeResponse,
  OkResponse,
  RecoveryCodes,
  SecondFactorSignedIn,
  TwoFactorSetup,
  TwoFactorStatus,
  type ChangePasswordRequest,
  type LoginRequest,
} from '@qizhi/domain';
import { call } from '../../platform/api-client.ts';

/** Sign-in, the session and the password. Sign-in and the session probe answer 401 as an outcome. */
export const authApi = {
  login: (body: LoginRequest) => call.post(LoginResponse, '/api/auth/login', body, { skipAuthRedirect: true }),
  me: () => call.get(MeResponse, '/api/auth/me', undefined, { skipAuthRedirect: true }),
  logout: () => call.send('POST', '/api/auth/logout'),
  changePassword: (body: ChangePasswordRequest) => call.send('POST', '/api/auth/password', body),
};

/** 双因素登录: the second step of sign-in (by its own cookie), and one's own setting. */
export const twoFactorApi = {
  verify: (code: string) =>
    call.post(SecondFactorSignedIn, '/api/auth/two-factor/verify', { code }, { skipAuthRedirect: true }),
  beginEnrolment: () =>
    call.post(TwoFactorSetup, '/api/auth/two-factor/enrolment', undefined, { skipAuthRedirect: true }),
  finishEnrolment: (code: string) =>
    call.post(SecondFactorSignedIn, '/api/auth/two-factor/enrolment/confirm', { code }, { skipAuthRedirect: true }),
  status: () => call.get(TwoFactorStatus, '/api/auth/two-factor'),
  setup: () => call.post(TwoFactorSetup, '/api/auth/two-factor/setup'),
  confirmSetup: (code: string) => call.post(RecoveryCodes, '/api/auth/two-factor/setup/confirm', { code }),
  disable: (code: string) => call.post(OkResponse, '/api/auth/two-factor/disable', { code }),
  regenerateRecoveryCodes: (code: string) => call.post(RecoveryCodes, '/api/auth/two-factor/recovery-codes', { code }),
};
