/** 主题教育实践活动's routes as functions, each answer parsed by its schema from `@qizhi/domain`. */
import {
  CampaignDetail,
  CampaignList,
  MyTaskList,
  TaskDetail,
  YearByDimensionResponse,
  type CreateCampaignRequest,
  type CreateTaskRequest,
  type PhaseInput,
  type ReportTaskRequest,
  type UpdateCampaignRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

const campaign = (id: string) => `/api/campaigns/${seg(id)}`;
const task = (id: string) => `/api/campaigns/tasks/${seg(id)}`;

export const campaignsApi = {
  list: (year?: number) => call.get(CampaignList, '/api/campaigns', year ? { year } : {}),
  get: (id: string) => call.get(CampaignDetail, campaign(id)),
  create: (body: CreateCampaignRequest) => call.post(CampaignDetail, '/api/campaigns', body),
  update: (id: string, body: UpdateCampaignRequest) => call.patch(CampaignDetail, campaign(id), body),
  addPhase: (id: string, body: PhaseInput) => call.post(CampaignDetail, `${campaign(id)}/phases`, body),
  addTask: (id: string, body: CreateTaskRequest) => call.post(CampaignDetail, `${campaign(id)}/tasks`, body),
  myTasks: () => call.get(MyTaskList, '/api/campaigns/tasks/mine'),
  task: (id: string) => call.get(TaskDetail, task(id)),
  report: (id: string, body: ReportTaskRequest) => call.put(TaskDetail, `${task(id)}/report`, body),
  dimensions: (year: number) => call.get(YearByDimensionResponse, '/api/campaigns/dimensions', { year }),
};
