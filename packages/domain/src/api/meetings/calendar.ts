/** The personal iCalendar feed. */
import { z } from 'zod';

export const CalendarFeedStatus = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export const CalendarFeedCreated = z.object({ url: z.string().describe('只显示这一次；丢失后可重新生成') });
export const CalendarTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, '订阅地址不正确') });
