/** 发展党员 (member development): what other modules may use of it. */
export { developmentRoutes } from './development.routes.ts';
export { developmentAttachments } from './development.attachments.ts';
export { developmentReminders } from './development-reminders.ts';
export { developmentFactsOf, type DevelopmentFacts } from './development-facts.ts';
