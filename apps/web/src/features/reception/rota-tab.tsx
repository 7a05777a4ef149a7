import { useState } from 'react';
import { Button, Form, Input, Select, Skeleton, Space, Table, Tag } from 'antd';
import type { RotaEntry } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { receptionApi } from './reception.api.ts';
import { receptionKey, useRota, useRotaLeaders } from './reception.queries.ts';

interface GenerateValues {
  leaderPersonIds: string[];
  weekday: number;
  time: string;
  place: string;
}
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五'].map((label, i) => ({ value: i + 1, label }));

function GenerateModal({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<GenerateValues>();
  const leaders = useRotaLeaders(open);
  const saver = useSave({
    save: (v: GenerateValues) => receptionApi.generateRota({ year, ...v }),
    form,
    invalidates: [receptionKey],
    success: '已生成值班表',
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormModal<GenerateValues>
      open={open}
      title={`生成${String(year)}年接访值班表`}
      form={form}
      saver={saver}
      onCancel={onClose}
      okText="生成"
      initialValues={{ weekday: 3, time: '上午9:00-12:00', place: '诉讼服务中心院领导接待室', leaderPersonIds: [] }}
    >
      <Form.Item
        name="leaderPersonIds"
        label="轮流接访的院领导（按顺序）"
        rules={[{ required: true, message: '请至少选择一名院领导' }]}
      >
        <Select
          mode="multiple"
          loading={leaders.isPending}
          options={(leaders.data?.items ?? []).map((l) => ({ value: l.personId, label: `${l.name}（${l.post}）` }))}
        />
      </Form.Item>
      <Form.Item name="weekday" label="接访日（遇节假日顺延至本周下一个工作日）">
        <Select options={WEEKDAYS} />
      </Form.Item>
      <Form.Item name="time" label="时间" rules={[{ required: true, whitespace: true, message: '请填写接访时间' }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="place" label="地点" rules={[{ required: true, whitespace: true, message: '请填写接访地点' }]}>
        <Input maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}

/** 挂牌接访值班表: one leader a week, swaps and substitutions shown with their reason. */
export function RotaTab({ year }: { year: number }) {
  const can = useCan();
  const rota = useRota(year);
  const [generating, setGenerating] = useState(false);
  if (rota.isPending) return <Skeleton active />;
  if (rota.isError) return <QueryErrorAlert error={rota.error} />;
  return (
    <>
      {can('reception.manage') && (
        <Space className="no-print">
          <Button onClick={() => setGenerating(true)}>生成值班表</Button>
        </Space>
      )}
      <Table<RotaEntry>
        size="small"
        rowKey="id"
        dataSource={rota.data.items}
        pagination={{ pageSize: 26, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        columns={[
          { title: '周', dataIndex: 'weekStart', width: 110 },
          { title: '接访日', dataIndex: 'receptionOn', width: 110, render: (d: string | null) => d ?? '本周放假' },
          { title: '接访领导', dataIndex: 'leaderName', width: 100 },
          { title: '职务', dataIndex: 'post' },
          { title: '时间', dataIndex: 'time', width: 140 },
          { title: '地点', dataIndex: 'place' },
          {
            title: '调换/替班',
            dataIndex: 'changeNote',
            render: (n: string | null) => (n ? <Tag color="orange">{n}</Tag> : null),
          },
        ]}
      />
      <GenerateModal year={year} open={generating} onClose={() => setGenerating(false)} />
    </>
  );
}
