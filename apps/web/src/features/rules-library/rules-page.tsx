import { useState } from 'react';
import { CheckCircleTwoTone, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Skeleton, Space, Table, Tag } from 'antd';
import type { RuleListItem } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan, useSession } from '../../platform/session.tsx';
import { RuleDrawer } from './rule-drawer.tsx';
import { RuleFormModal, type RuleFormState } from './rule-form-modal.tsx';
import { RuleStatusTag } from './rule-status.tsx';
import { useRules } from './rules.queries.ts';

/** 制度库: the court's party-building rules, with versions and read confirmations. */
export default function RulesPage() {
  const can = useCan();
  const { user } = useSession();
  const rules = useRules();
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<RuleFormState>(null);
  const manage = can('rules.manage');
  const unread = (rules.data ?? []).filter((r) => !r.readByMe && r.status !== 'repealed').length;

  return (
    <Card>
      <div className="page-toolbar">
        <h1 className="page-title">党建工作制度库</h1>
        <Space wrap className="no-print">
          {user.personId && rules.data && (
            <span>
              {unread > 0 ? (
                <Tag color="warning">您还有{unread}项制度未确认学习</Tag>
              ) : (
                <Tag color="success">制度均已学习</Tag>
              )}
            </span>
          )}
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })}>
              新增制度
            </Button>
          )}
        </Space>
      </div>
      {rules.isPending && <Skeleton active />}
      {rules.isError && <QueryErrorAlert error={rules.error} />}
      {rules.data && (
        <Table<RuleListItem>
          size="small"
          rowKey="id"
          className="clickable-rows"
          dataSource={rules.data}
          pagination={false}
          onRow={(r) => ({ onClick: () => setOpenId(r.id) })}
          columns={[
            { title: '序号', key: 'index', width: 60, responsive: ['sm'], render: (_: unknown, __, i) => i + 1 },
            { title: '制度名称', dataIndex: 'title' },
            { title: '类别', dataIndex: 'category', width: 110, responsive: ['md'] },
            { title: '制定机关', dataIndex: 'adoptedBy', width: 220, responsive: ['md'] },
            { title: '施行日期', dataIndex: 'effectiveOn', width: 110, responsive: ['md'] },
            {
              title: '版本',
              dataIndex: 'version',
              width: 70,
              responsive: ['md'],
              render: (v: number) => `第${String(v)}版`,
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 110,
              render: (s: RuleListItem['status']) => <RuleStatusTag status={s} />,
            },
            ...(user.personId
              ? [
                  {
                    title: '本人',
                    key: 'mine',
                    width: 80,
                    render: (_: unknown, r: RuleListItem) =>
                      r.status === 'repealed' ? null : r.readByMe ? (
                        <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="已学习" />
                      ) : (
                        <Tag color="warning">未学习</Tag>
                      ),
                  },
                ]
              : []),
            ...(manage
              ? [
                  {
                    title: '党员学习',
                    key: 'readers',
                    width: 150,
                    render: (_: unknown, r: RuleListItem) =>
                      r.expectedReaders ? (
                        <Progress
                          size="small"
                          percent={Math.round(((r.readCount ?? 0) / r.expectedReaders) * 100)}
                          format={() => `${String(r.readCount ?? 0)}/${String(r.expectedReaders)}`}
                        />
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
      <RuleDrawer
        ruleId={openId}
        onClose={() => setOpenId(null)}
        onRevise={(r) => setForm({ mode: 'revise', rule: r })}
      />
      <RuleFormModal state={form} onClose={() => setForm(null)} />
    </Card>
  );
}
