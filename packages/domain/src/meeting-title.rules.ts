import { MEETING_TYPE_LABELS, type MeetingType } from './meetings.rules.ts';

/**
 * A meeting as one line (a calendar entry's title): its type and topic, the type said once even
 * when the topic already begins with it (“主题党日：重温入党誓词”, not “主题党日：主题党日：…”).
 */
export function meetingTitle(type: MeetingType, topic: string): string {
  const label = MEETING_TYPE_LABELS[type];
  const trimmed = topic.trim();
  return trimmed.startsWith(label) ? trimmed : `${label}：${trimmed}`;
}
