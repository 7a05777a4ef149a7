import { z } from 'zod';
import { SessionUser } from './auth.ts';

export const TwoFactorCodeRequest = z.strictObject({
  code: z.string().trim().min(1, '请输入验证码').max(32, '验证码过长').describe('6位动态验证码，或一个恢复码'),
});
export type TwoFactorCodeRequest = z.infer<typeof TwoFactorCodeRequest>;

export const TwoFactorSetup = z.object({
  secret: z.string().describe('Base32 密钥，只在绑定时显示这一次'),
  uri: z.string().describe('otpauth:// 地址，供二维码'),
  issuer: z.string(),
  account: z.string(),
});
export type TwoFactorSetup = z.infer<typeof TwoFactorSetup>;

export const RecoveryCodes = z.object({
  recoveryCodes: z.array(z.string()).describe('10个一次性恢复码，只显示这一次'),
});
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** The signed-in answer of the second step; an enrolment also hands the recovery codes over, once. */
export const SecondFactorSignedIn = z.object({
  user: SessionUser,
  csrfToken: z.string(),
  recoveryCodes: z.array(z.string()).optional(),
});
export type SecondFactorSignedIn = z.infer<typeof SecondFactorSignedIn>;

export const TwoFactorStatus = z.object({
  enrolled: z.boolean(),
  required: z.boolean().describe('本院设置要求该账号使用双因素登录'),
  enrolledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;
