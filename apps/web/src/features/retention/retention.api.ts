import { RetentionSettings, type RetentionSettingsRequest } from '@qizhi/domain';
import { call } from '../../platform/api-client.ts';

/** 个人信息保存期限: the court's periods per kind and what is due now (安全管理员). */
export const retentionApi = {
  settings: () => call.get(RetentionSettings, '/api/retention'),
  save: (body: RetentionSettingsRequest) => call.put(RetentionSettings, '/api/retention', body),
};
