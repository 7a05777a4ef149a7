import { useState } from 'react';
import { Button, Descriptions, Drawer, Empty, Form, InputNumber, Select, Skeleton, Table, Tag, DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  ARREARS_LEVEL_LABELS,
  DUES_CATEGORIES,
  DUES_CATEGORY_LABELS,
  DUES_CHANNEL_LABELS,
  type DuesCategory,
} from '@qizhi/domain';
import { courtTodayValue } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { duesApi } from './dues.api.ts';
import { duesKey, usePersonDues } from './dues.queries.ts';
import { ReductionModal } from './reduction-modal.tsx';

interface BaseValues {
  category: DuesCategory;
  base?: number | null;
  fromMonth: Dayjs;
}

/** A member's dues: base history (masked unless the dues officer), payments and reductions. */
export function PersonDuesDrawer({ personId, onClose }: { personId: string | null; onClose: () => void }) {
  const record = usePersonDues(personId);
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [reducing, setReducing] = useState(false);
  const [form] = Form.useForm<BaseValues>();
  const saver = useSave<BaseValues>({
    form,
    save: (v) =>
      duesApi.setBase(personId!, {
        category: v.category,
        fromMonth: v.fromMonth.format('YYYY-MM'),
        ...(v.base == null ? {} : { base: String(v.base) }),
      }),
    invalidates: [duesKey],
    success: '已登记党费基数',
    onSaved: () => {
      setEditing(false);
    },
  });
  const r = record.data;
  return (
    <Drawer open={personId !== null} onClose={onClose} title={r ? `${r.name}的党费` : '党费'} width={640}>
      {record.isPending && <Skeleton active />}
      {record.isError && <QueryErrorAlert error={record.error} />}
      {r && (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="交纳起始月">{r.memberFrom ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="党费交至">{r.paidUpTo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="连续欠缴">
              {r.arrearsMonths}个月{' '}
              {r.arrearsLevel !== 'none' && <Tag color="red">{ARREARS_LEVEL_LABELS[r.arrearsLevel]}</Tag>}
            </Descriptions.Item>
          </Descriptions>
          <h3>
            党费基数{' '}
            {can('dues.manage') && (
              <Button size="small" onClick={() => setEditing(true)}>
                登记新基数
              </Button>
            )}{' '}
            {can('dues.manage') && (
              <Button size="small" onClick={() => setReducing(true)}>
                登记减免
              </Button>
            )}
          </h3>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={r.bases}
            locale={{ emptyText: <Empty description="尚未登记党费基数" /> }}
            columns={[
              { title: '自月份', dataIndex: 'fromMonth' },
              { title: '类别', dataIndex: 'category', render: (c: DuesCategory) => DUES_CATEGORY_LABELS[c] },
              { title: '基数（元）', dataIndex: 'base' },
              { title: '比例', dataIndex: 'rateLabel' },
              { title: '每月（元）', dataIndex: 'monthly' },
            ]}
          />
          <h3>收缴记录</h3>
          <Table
            size="small"
            rowKey="id"
            pagination={{ pageSize: 12 }}
            dataSource={r.payments}
            columns={[
              { title: '月份', dataIndex: 'month' },
              { title: '金额', dataIndex: 'amount' },
              { title: '多交', dataIndex: 'extra' },
              { title: '日期', dataIndex: 'paidOn' },
              {
                title: '方式',
                dataIndex: 'channel',
                render: (c: keyof typeof DUES_CHANNEL_LABELS) => DUES_CHANNEL_LABELS[c],
              },
              { title: '收缴人', dataIndex: 'collectedBy' },
            ]}
          />
          {r.reductions.length > 0 && (
            <>
              <h3>减免</h3>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={r.reductions}
                columns={[
                  { title: '起', dataIndex: 'fromMonth' },
                  { title: '止', dataIndex: 'toMonth', render: (v: string | null) => v ?? '至撤销' },
                  { title: '每月（元）', dataIndex: 'amount' },
                  { title: '原因', dataIndex: 'reason' },
                  { title: '支部决定', dataIndex: 'decision' },
                  { title: '上级批准', dataIndex: 'approvedBy' },
                ]}
              />
            </>
          )}
        </>
      )}
      {personId && <ReductionModal personId={personId} open={reducing} onClose={() => setReducing(false)} />}
      <FormModal
        open={editing}
        title="登记党费基数"
        form={form}
        saver={saver}
        onCancel={() => setEditing(false)}
        initialValues={{ category: 'in_service', fromMonth: courtTodayValue() }}
      >
        <Form.Item name="category" label="类别" rules={[{ required: true }]}>
          <Select options={DUES_CATEGORIES.map((c) => ({ value: c, label: DUES_CATEGORY_LABELS[c] }))} />
        </Form.Item>
        <Form.Item name="base" label="基数（元，税后月工资或养老金）">
          <InputNumber min={0} precision={2} />
        </Form.Item>
        <Form.Item name="fromMonth" label="自月份（工资变动当月）" rules={[{ required: true, message: '请选择月份' }]}>
          <DatePicker picker="month" />
        </Form.Item>
      </FormModal>
    </Drawer>
  );
}
