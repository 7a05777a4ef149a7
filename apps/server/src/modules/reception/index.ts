/** 挂牌接访、首问负责、服务承诺: what other modules (the openness portal) may use. */
export { receptionRoutes } from './reception.routes.ts';
export { inquiryRoutes } from './inquiries.routes.ts';
export { publicWeekRota } from './rota.service.ts';
export { listPledgesOf } from './pledges.service.ts';
