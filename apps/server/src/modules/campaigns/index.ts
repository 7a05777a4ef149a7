/** 活动平台 · 主题教育实践活动: what other parts of the server may use of it. */
export { campaignRoutes } from './campaigns.routes.ts';
export { campaignAttachments } from './campaign-files.ts';
