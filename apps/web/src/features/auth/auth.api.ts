import { LoginResponse, MeResponse, type ChangePasswordRequest, type LoginRequest } from '@qizhi/domain';
import { call } from '../../platform/api-client.ts';

/** Sign-in, the session and the password. Sign-in and the session probe answer 401 as an outcome. */
export const authApi = {
  login: (body: LoginRequest) => call.post(LoginResponse, '/api/auth/login', body, { skipAuthRedirect: true }),
  me: () => call.get(MeResponse, '/api/auth/me', undefined, { skipAuthRedirect: true }),
  logout: () => call.send('POST', '/api/auth/logout'),
  changePassword: (body: ChangePasswordRequest) => call.send('POST', '/api/auth/password', body),
};
