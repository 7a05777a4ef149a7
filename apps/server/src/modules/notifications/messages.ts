/** The wording of each kind of message: short, naming the meeting or task, linking to its page. */
import { formatCourtDateTime, meetingNamed, type MeetingType } from '@qizhi/domain';
import type { Notice } from './outbox.ts';

export interface NoticeOfMeeting {
  id: string;
  type: MeetingType;
  topic: string;
  orgUnitName: string;
  startsAt: string | Date;
  place: string;
  /** Who is expected: by e-mail the message also reaches each one's own address. */
  attendees?: readonly { personId: string }[];
}

const personIdsOf = (m: NoticeOfMeeting) => m.attendees?.map((a) => a.personId);

/** 发出通知: one message per notice sent (sending it again after a change sends again). */
export function meetingNotice(m: NoticeOfMeeting, notifiedAt: Date): Notice {
  return {
    source: 'meeting.notice',
    key: `meeting.notice:${m.id}:${String(notifiedAt.getTime())}`,
    title: `会议通知：${meetingNamed(m.type, m.topic)}`,
    body: `${m.orgUnitName}，${formatCourtDateTime(m.startsAt)}，${m.place}。请准时参加，不能参加的请在系统中请假。`,
    link: `/meetings/${m.id}`,
    personIds: personIdsOf(m),
  };
}

export function meetingReminder(m: NoticeOfMeeting): Notice {
  return {
    source: 'meeting.reminder',
    key: `meeting.reminder:${m.id}:${String(new Date(m.startsAt).getTime())}`,
    title: `会前提醒：${meetingNamed(m.type, m.topic)}`,
    body: `${m.orgUnitName}，${formatCourtDateTime(m.startsAt)}，${m.place}`,
    link: `/meetings/${m.id}`,
    personIds: personIdsOf(m),
  };
}

export function taskReminder(
  t: {
    id: string;
    title: string;
    dueOn: string;
    meetingId: string;
    topic: string;
    ownerName: string;
    ownerPersonId?: string;
  },
  today: string,
): Notice {
  const source = t.dueOn < today ? 'task.overdue' : 'task.due';
  return {
    source,
    key: `${source}:${t.id}:${t.dueOn}`,
    title: `${source === 'task.overdue' ? '落实事项已逾期' : '落实事项即将到期'}：${t.title}`,
    body: `负责人${t.ownerName}，${t.dueOn}前完成（来自会议「${t.topic}」）`,
    link: `/meetings/${t.meetingId}`,
    personIds: t.ownerPersonId ? [t.ownerPersonId] : undefined,
  };
}
