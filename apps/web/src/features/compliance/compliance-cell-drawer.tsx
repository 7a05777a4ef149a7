import { Drawer, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { COMPLIANCE_ITEM_LABELS, complianceState, courtToday, type OrgUnit } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { MeetingStatusTag, MeetingTypeTag } from '../meetings/meeting-labels.tsx';
import styles from './compliance.module.css';
import { STATE_STYLE } from './compliance-states.ts';
import { useComplianceCell } from './compliance.queries.ts';

/**
 * One cell of the board: each item shown in that month for that organisation — its period in
 * words, required and done, why (a report's timing) — with the meetings of this organisation it
 * counts and, for 谈心谈话, every pair and whether it has talked. Not the subtree, not the year.
 */
export function ComplianceCellDrawer({
  org,
  year,
  month,
  onClose,
}: {
  org: OrgUnit;
  year: number;
  month: number;
  onClose: () => void;
}) {
  const isPhone = useIsPhone();
  const cell = useComplianceCell(org.id, year, month);
  const today = courtToday();
  return (
    <Drawer
      open
      title={`${org.name} · ${String(year)}年${String(month)}月`}
      size={isPhone ? '100%' : 600}
      onClose={onClose}
    >
      {cell.isError && <QueryErrorAlert error={cell.error} />}
      {cell.isPending ? (
        <Skeleton active />
      ) : (
        (cell.data?.items ?? []).map((i) => {
          const s = complianceState(i, today);
          const unit = i.type === 'talk' ? '对' : '次';
          return (
            <section key={`${i.type}-${i.period}`} className={styles.drawerItem} data-testid={`cell-item-${i.type}`}>
              <Space wrap className={styles.drawerHead}>
                <Typography.Text strong>
                  {COMPLIANCE_ITEM_LABELS[i.type]}（{i.periodLabel}）
                </Typography.Text>
                <Tag color={STATE_STYLE[s].color}>{STATE_STYLE[s].label}</Tag>
                <Typography.Text type="secondary">
                  应{i.type === 'talk' ? '谈' : '开'}
                  {i.required}
                  {unit} · 已{i.type === 'talk' ? '谈' : '开'}
                  {i.held}
                  {unit}
                </Typography.Text>
              </Space>
              {i.note && i.type !== 'talk' && <Typography.Paragraph type="secondary">{i.note}</Typography.Paragraph>}
              <List
                size="small"
                dataSource={i.meetings}
                locale={{ emptyText: '本组织在该期间没有此类会议' }}
                renderItem={(m) => (
                  <List.Item>
                    <Space wrap>
                      <MeetingTypeTag type={m.type} />
                      <Link to={`/meetings/${m.id}`}>{m.topic}</Link>
                    </Space>
                    <Space>
                      {courtToday(m.startsAt)}
                      <MeetingStatusTag status={m.status} />
                    </Space>
                  </List.Item>
                )}
              />
              {i.pairs && (
                <List
                  size="small"
                  header="谈心谈话结对（每对每年至少一次）"
                  dataSource={[...i.pairs].sort((a, b) => Number(a.done) - Number(b.done))}
                  renderItem={(p) => (
                    <List.Item>
                      {p.names[0]} — {p.names[1]}
                      <Tag color={p.done ? STATE_STYLE.met.color : STATE_STYLE[s === 'met' ? 'due' : s].color}>
                        {p.done ? '已谈' : '未谈'}
                      </Tag>
                    </List.Item>
                  )}
                />
              )}
            </section>
          );
        })
      )}
    </Drawer>
  );
}
