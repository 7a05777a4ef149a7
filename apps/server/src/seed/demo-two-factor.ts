import { DEFAULT_TWO_FACTOR_ROLES, type RoleCode } from '@qizhi/domain';
import { twoFactor } from '../db/schema/index.ts';
import type { Db } from '../platform/db.ts';
import { encryptSecret, type TwoFactorKeys } from '../platform/two-factor-key.ts';

/**
 * The demo court's authenticator secret (README): every demo administrator and officer is enrolled
 * with it when the demo password is set (QIZHI_DEMO_PASSWORD), so the demo, the e2e tests and the
 * route tests sign in through the real second step by computing the code. Demo only — public, so
 * worthless as a factor; a court's own accounts enrol with a random secret of their own.
 */
export const DEMO_TWO_FACTOR_SECRET = 'QIZHIDEMOTOTPSECRETFORDEMOONLY22';

export async function seedDemoTwoFactor(
  tx: Db,
  tenantId: string,
  accounts: { userId: string; role: RoleCode }[],
  keys: TwoFactorKeys,
): Promise<void> {
  const enrolled = accounts.filter((a) => DEFAULT_TWO_FACTOR_ROLES.includes(a.role));
  if (enrolled.length === 0) return;
  await tx.insert(twoFactor).values(
    enrolled.map((a) => ({
      tenantId,
      userId: a.userId,
      secretEnc: encryptSecret(keys, a.userId, DEMO_TWO_FACTOR_SECRET),
      enrolledAt: new Date(),
    })),
  );
}
