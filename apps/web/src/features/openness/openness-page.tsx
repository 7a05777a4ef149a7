import { useState } from 'react';
import { Button, Card, Input, Modal, Popconfirm, Segmented, Skeleton, Space, Table, Tag } from 'antd';
import {
  DISCLOSURE_CATEGORY_LABELS,
  DISCLOSURE_CHANNEL_LABELS,
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_SOURCE_KIND_LABELS,
  DISCLOSURE_STATUS_LABELS,
  type Disclosure,
  type DisclosureSourceCandidate,
  type DisclosureStatus,
} from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan, useSession } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { Link } from 'react-router';
import { DisclosureFormModal } from './disclosure-form-modal.tsx';
import { SourcesModal } from './sources-modal.tsx';
import { opennessApi } from './openness.api.ts';
import { opennessKey, useDisclosures } from './openness.queries.ts';

const STATUS_COLORS: Record<DisclosureStatus, string> = {
  draft: 'default',
  pending: 'gold',
  published: 'green',
  withdrawn: 'red',
};

/** 退回 or 撤回: both need a reason, kept on record. */
function ReasonModal({
  target,
  onClose,
}: {
  target: { item: Disclosure; kind: 'return' | 'withdraw' } | null;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const saver = useSave({
    save: () =>
      target!.kind === 'return'
        ? opennessApi.returnItem(target!.item.id, text.trim())
        : opennessApi.withdraw(target!.item.id, text.trim()),
    invalidates: [opennessKey],
    success: target?.kind === 'return' ? '已退回' : '已撤回',
    onSaved: () => {
      setText('');
      onClose();
    },
  });
  return (
    <Modal
      open={target !== null}
      title={target?.kind === 'return' ? '退回修改' : '撤回公开事项'}
      okText="确定"
      cancelText="取消"
      confirmLoading={saver.saving}
      onOk={() => saver.save()}
      onCancel={onClose}
    >
      <Input.TextArea
        rows={3}
        maxLength={500}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={target?.kind === 'return' ? '退回原因' : '撤回原因（留痕）'}
        aria-label="原因"
      />
    </Modal>
  );
}

/** 党务公开 · 院务公开: write, submit, approve (by another person), return and withdraw items. */
export default function OpennessPage() {
  const can = useCan();
  const { user } = useSession();
  const [status, setStatus] = useState<DisclosureStatus | 'all'>('all');
  const [editing, setEditing] = useState<{
    item: Disclosure | null;
    source?: DisclosureSourceCandidate;
  } | null>(null);
  const [picking, setPicking] = useState(false);
  const [reason, setReason] = useState<{ item: Disclosure; kind: 'return' | 'withdraw' } | null>(null);
  const list = useDisclosures(status === 'all' ? undefined : status);
  const step = useSave({
    save: ({ id, kind }: { id: string; kind: 'submit' | 'approve' }) =>
      kind === 'submit' ? opennessApi.submit(id) : opennessApi.approve(id),
    invalidates: [opennessKey],
    success: (_r, v) => (v.kind === 'submit' ? '已提交审核' : '已审核发布'),
  });
  return (
    <Card>
      <div className="page-toolbar">
        <h1 className="page-title">党务公开 · 院务公开</h1>
        <Space wrap className="no-print">
          {can('openness.manage') && (
            <Button type="primary" onClick={() => setEditing({ item: null })}>
              编写公开事项
            </Button>
          )}
          {can('openness.manage') && <Button onClick={() => setPicking(true)}>从其他功能公开</Button>}
          <a href={opennessApi.portalUrl()} target="_blank" rel="noreferrer">
            查看公开门户
          </a>
        </Space>
      </div>
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        options={[
          { value: 'all', label: '全部' },
          ...(['draft', 'pending', 'published', 'withdrawn'] as const).map((s) => ({
            value: s,
            label: DISCLOSURE_STATUS_LABELS[s],
          })),
        ]}
      />
      {list.isPending ? (
        <Skeleton active />
      ) : list.isError ? (
        <QueryErrorAlert error={list.error} />
      ) : (
        <Table<Disclosure>
          size="small"
          rowKey="id"
          dataSource={list.data.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1140 }}
          columns={[
            {
              title: '标题',
              dataIndex: 'title',
              render: (t: string, d) =>
                d.onShow ? (
                  <a href={opennessApi.portalUrl(d.id)} target="_blank" rel="noreferrer">
                    {t}
                  </a>
                ) : (
                  t
                ),
            },
            {
              title: '来源',
              key: 'source',
              width: 170,
              render: (_: unknown, d) =>
                d.source ? (
                  <>
                    <Tag color={d.source.available ? 'blue' : 'red'}>
                      {DISCLOSURE_SOURCE_KIND_LABELS[d.source.kind]}
                    </Tag>
                    {d.source.url ? <Link to={d.source.url}>{d.source.label}</Link> : d.source.label}
                  </>
                ) : (
                  '本页编写'
                ),
            },
            {
              title: '范围',
              dataIndex: 'scope',
              width: 90,
              render: (s: Disclosure['scope']) => DISCLOSURE_SCOPE_LABELS[s],
            },
            {
              title: '类别',
              dataIndex: 'category',
              width: 120,
              render: (c: Disclosure['category']) => DISCLOSURE_CATEGORY_LABELS[c],
            },
            {
              title: '渠道',
              dataIndex: 'channels',
              width: 160,
              render: (cs: Disclosure['channels']) => cs.map((c) => DISCLOSURE_CHANNEL_LABELS[c]).join('、'),
            },
            {
              title: '公开期',
              key: 'period',
              width: 190,
              render: (_: unknown, d) => `${d.publishFrom} 至 ${d.publishUntil ?? '长期'}`,
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 150,
              render: (s: DisclosureStatus, d) => (
                <>
                  <Tag color={STATUS_COLORS[s]}>{DISCLOSURE_STATUS_LABELS[s]}</Tag>
                  {d.returnNote && s === 'draft' && <div>退回：{d.returnNote}</div>}
                  {d.withdrawnReason && <div>撤回：{d.withdrawnReason}</div>}
                </>
              ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 200,
              render: (_: unknown, d) => (
                <Space wrap>
                  {d.status === 'draft' && can('openness.manage') && (
                    <>
                      <Button size="small" onClick={() => setEditing({ item: d })}>
                        修改
                      </Button>
                      <Button size="small" onClick={() => step.save({ id: d.id, kind: 'submit' })}>
                        提交审核
                      </Button>
                    </>
                  )}
                  {d.status === 'pending' && can('openness.approve') && d.createdByName !== user.displayName && (
                    <>
                      <Popconfirm title="审核通过并发布？" onConfirm={() => step.save({ id: d.id, kind: 'approve' })}>
                        <Button size="small" type="primary">
                          审核发布
                        </Button>
                      </Popconfirm>
                      <Button size="small" onClick={() => setReason({ item: d, kind: 'return' })}>
                        退回
                      </Button>
                    </>
                  )}
                  {d.status === 'published' && can('openness.approve') && (
                    <Button size="small" danger onClick={() => setReason({ item: d, kind: 'withdraw' })}>
                      撤回
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <DisclosureFormModal
        key={editing ? (editing.item?.id ?? editing.source?.ref ?? 'new') : 'closed'}
        open={editing !== null}
        item={editing?.item ?? null}
        source={editing?.source ?? null}
        onClose={() => setEditing(null)}
      />
      <SourcesModal
        open={picking}
        onClose={() => setPicking(false)}
        onPick={(source) => {
          setPicking(false);
          setEditing({ item: null, source });
        }}
      />
      <ReasonModal target={reason} onClose={() => setReason(null)} />
    </Card>
  );
}
