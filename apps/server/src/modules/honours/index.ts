/** Honours and sanctions (奖惩与荣誉): what other modules may use of them. */
export { honourRoutes } from './honours.routes.ts';
export { honourAttachments } from './honours.attachments.ts';
