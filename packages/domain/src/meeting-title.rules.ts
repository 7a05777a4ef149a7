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

/**
 * A meeting named inside a sentence (notices, reminders): its type, then the topic in 「」 without the
 * type repeated (“主题党日「重温入党誓词」”, not “主题党日「主题党日：重温入党誓词」”).
 */
export function meetingNamed(type: MeetingType, topic: string): string {
  const label = MEETING_TYPE_LABELS[type];
  const trimmed = topic.trim();
  const bare = trimmed.startsWith(label) ? trimmed.slice(label.length).replace(/^[：:\s]+/, '') : trimmed;
  return bare ? `${label}「${bare}」` : label;
}
