import { z } from 'zod';
import { CourtTypeSchema } from './goals.ts';

export const Centre = z.object({
  year: z.number().int(),
  objective: z.string().describe('年度中心目标'),
  workingLine: z.string().describe('工作思路'),
  isDefault: z.boolean().describe('本年度尚未设定，显示的是默认值'),
  courtTypes: z.array(z.object({ code: CourtTypeSchema, label: z.string() })),
  pointsRankingEnabled: z.boolean().describe('比学赶超积分排名（默认关闭）'),
});
export type Centre = z.infer<typeof Centre>;

export const UpdateCentreRequest = z.strictObject({
  objective: z.string().trim().min(1, '请填写中心目标').max(100, '中心目标最多100个字'),
  workingLine: z.string().trim().min(1, '请填写工作思路').max(100, '工作思路最多100个字'),
});
export type UpdateCentreRequest = z.infer<typeof UpdateCentreRequest>;

export const PointsRankingRequest = z.strictObject({ enabled: z.boolean({ error: 'enabled 应为 true 或 false' }) });
export const PointsRankingResponse = z.object({ enabled: z.boolean() });
