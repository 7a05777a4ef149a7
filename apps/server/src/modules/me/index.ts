/** 我的: the signed-in person's own pages, where no other module answers for "mine". */
export { meRoutes } from './me.routes.ts';
