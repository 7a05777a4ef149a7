/**
 * Notices and reminders beyond the home page: a court's 企业微信 and 钉钉 group robots and e-mail,
 * through an outbox the in-process worker sends with retries. Other modules call `queueNotice`
 * after their action has committed; it never throws.
 */
export { notificationRoutes } from './notifications.routes.ts';
export { queueNotice, deliverDue, type Notice } from './outbox.ts';
export { queueReminders } from './worker.ts';
export { meetingNotice } from './messages.ts';
