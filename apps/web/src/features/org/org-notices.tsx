import { Alert, Flex } from 'antd';
import type { OrgUnit } from '@qizhi/domain';

type Notice = OrgUnit['notices'][number];

/** Overdue re-election is a fault; the rest are reminders, never blocks. */
export function noticeType(notice: Notice): 'warning' | 'error' | 'info' {
  if (notice.kind === 'reelectionOverdue') return 'error';
  if (notice.kind === 'reelectionDue') return 'info';
  return 'warning';
}

/** Every organisation's notices, each headed by its name (the org page and the home page). */
export function OrgNoticeList({ units }: { units: readonly OrgUnit[] }) {
  return (
    <Flex vertical gap="small">
      {units.map((unit) => (
        <OrgNotices key={unit.id} unit={unit} withName />
      ))}
    </Flex>
  );
}

export function OrgNotices({ unit, withName = false }: { unit: OrgUnit; withName?: boolean }) {
  if (unit.notices.length === 0) return null;
  return (
    <Flex vertical gap="small">
      {unit.notices.map((notice) => (
        <Alert
          key={notice.kind}
          type={noticeType(notice)}
          showIcon
          title={withName ? `${unit.name}：${notice.message}` : notice.message}
        />
      ))}
    </Flex>
  );
}
