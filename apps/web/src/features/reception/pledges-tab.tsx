import { useState } from 'react';
import { Button, Flex, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { PLEDGE_MEASURE_LABELS, type ServicePledge } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { PledgeFormModal } from './pledge-form-modal.tsx';
import { receptionApi } from './reception.api.ts';
import { receptionKey, usePledges } from './reception.queries.ts';

/** Which records each measure counts, said beside the figure. */
const MEASURE_RECORDS: Record<NonNullable<ServicePledge['measure']>, string> = {
  inquiry_answered_once: '首问登记中一次性告知（未移交）的件数 ÷ 本年度首问登记件数',
  visit_accepted_on_time: '需办理的来访中 15 日内受理的件数 ÷ 已受理件数（按工作日历）',
  visit_handled_on_time: '需办理的来访中按期（60 日，延长 30 日）办结的件数 ÷ 已办结件数',
};

function measuredText(p: ServicePledge): string {
  if (!p.measure || !p.measured) return '—';
  const rate = p.measured.rate === null ? '暂无记录' : `${(p.measured.rate * 100).toFixed(1)}%`;
  return `${PLEDGE_MEASURE_LABELS[p.measure]} ${rate}（${String(p.measured.year)}年，${String(p.measured.count)}件）`;
}

/** 服务承诺: the court's pledges with this year's figures where records measure them; managers edit them. */
export function PledgesTab() {
  const can = useCan();
  const manage = can('reception.manage');
  const pledges = usePledges();
  const [editing, setEditing] = useState<{ pledge: ServicePledge | null } | null>(null);
  const publish = useSave({
    save: (p: ServicePledge) =>
      receptionApi.updatePledge(p.id, {
        title: p.title,
        timeLimit: p.timeLimit,
        description: p.description,
        measure: p.measure,
        sortOrder: p.sortOrder,
        published: !p.published,
      }),
    invalidates: [receptionKey],
    success: (_r, p) => (p.published ? '已撤下' : '已公布'),
  });
  const remove = useSave({
    save: (id: string) => receptionApi.deletePledge(id),
    invalidates: [receptionKey],
    success: '已删除',
  });
  if (pledges.isPending) return <Skeleton active />;
  if (pledges.isError) return <QueryErrorAlert error={pledges.error} />;
  return (
    <Flex vertical gap="middle">
      {manage && (
        <Flex justify="flex-end">
          <Button type="primary" onClick={() => setEditing({ pledge: null })}>
            新增服务承诺
          </Button>
        </Flex>
      )}
      <Table<ServicePledge>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={pledges.data.items}
        scroll={{ x: 760 }}
        columns={[
          {
            title: '承诺事项',
            dataIndex: 'title',
            render: (t: string, p) => (
              <>
                {t}
                {p.description && (
                  <div>
                    <Typography.Text type="secondary">{p.description}</Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          { title: '时限', dataIndex: 'timeLimit', width: 170 },
          {
            title: '本年度兑现（依据记录）',
            key: 'measured',
            width: 260,
            render: (_: unknown, p) => (
              <>
                {measuredText(p)}
                {p.measure && (
                  <div>
                    <Typography.Text type="secondary">{MEASURE_RECORDS[p.measure]}</Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          {
            title: '状态',
            dataIndex: 'published',
            width: 80,
            render: (v: boolean) => (v ? <Tag color="green">已公布</Tag> : <Tag>已撤下</Tag>),
          },
          ...(manage
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 190,
                  render: (_: unknown, p: ServicePledge) => (
                    <Space wrap>
                      <Button size="small" onClick={() => setEditing({ pledge: p })}>
                        修改
                      </Button>
                      <Popconfirm
                        title={p.published ? '从公开门户和触摸屏撤下这项承诺？' : '在公开门户和触摸屏上公布？'}
                        onConfirm={() => publish.save(p)}
                      >
                        <Button size="small">{p.published ? '撤下' : '公布'}</Button>
                      </Popconfirm>
                      <Popconfirm title="删除这项承诺？" onConfirm={() => remove.save(p.id)}>
                        <Button size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PledgeFormModal
        key={editing ? (editing.pledge?.id ?? 'new') : 'closed'}
        open={editing !== null}
        pledge={editing?.pledge ?? null}
        onClose={() => setEditing(null)}
      />
    </Flex>
  );
}
