import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Table } from 'antd';
import {
  courtYear,
  INCENTIVE_KINDS,
  INCENTIVE_KIND_LABELS,
  INCENTIVE_RESULT_LABELS,
  INCENTIVE_RESULTS_OF,
  type Incentive,
  type IncentiveKind,
  type IncentiveRequest,
  type IncentivesResponse,
} from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { PersonSelect } from '../members/person-select.tsx';
import { studyApi } from './study.api.ts';
import { useIncentives, useStudySave } from './study.queries.ts';
import styles from './study.module.css';

function IncentiveModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<IncentiveRequest>();
  const kind = Form.useWatch('kind', form) as IncentiveKind | undefined;
  const saver = useStudySave({
    form,
    save: (v: IncentiveRequest) => studyApi.createIncentive(v),
    success: '已登记',
    onSaved: onClose,
  });
  return (
    <FormModal
      open={open}
      title="登记教育激励"
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{ kind: 'legal_exam', year: courtYear(), result: 'registered' }}
    >
      <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]}>
        <PersonSelect />
      </Form.Item>
      <Form.Item name="kind" label="类别">
        <Select
          options={INCENTIVE_KINDS.map((k) => ({ value: k, label: INCENTIVE_KIND_LABELS[k] }))}
          onChange={(k: IncentiveKind) => form.setFieldValue('result', INCENTIVE_RESULTS_OF[k][0])}
        />
      </Form.Item>
      <Form.Item name="year" label="年度">
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      {kind === 'law_degree' && (
        <Form.Item name="institution" label="院校">
          <Input maxLength={60} />
        </Form.Item>
      )}
      <Form.Item name="result" label="结果">
        <Select
          options={INCENTIVE_RESULTS_OF[kind ?? 'legal_exam'].map((r) => ({
            value: r,
            label: INCENTIVE_RESULT_LABELS[r],
          }))}
        />
      </Form.Item>
      <Form.Item name="reward" label="奖励">
        <Input maxLength={200} placeholder="如：报销学费、通报表扬、奖励2000元" />
      </Form.Item>
    </FormModal>
  );
}

type YearFigures = IncentivesResponse['byYear'][number];

/** 教育激励: 法律本科 enrolments and 法考 attempts, results and rewards; the court's figures per year. */
export function IncentivesTab() {
  const can = useCan();
  const [open, setOpen] = useState(false);
  const list = useIncentives();
  return (
    <Flex vertical gap="middle">
      {list.isError && <QueryErrorAlert error={list.error} />}
      <Card size="small" title="每年的数字">
        <Table<YearFigures>
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={list.data?.byYear ?? []}
          columns={[
            { title: '年度', dataIndex: 'year' },
            { title: '法律本科在读', dataIndex: 'enrolled' },
            { title: '法律本科毕业', dataIndex: 'graduated' },
            { title: '参加法考', dataIndex: 'examAttempts' },
            { title: '通过法考', dataIndex: 'passed' },
            { title: '获得奖励', dataIndex: 'rewarded' },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="登记记录"
        extra={
          can('study.manage') && (
            <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              登记
            </Button>
          )
        }
      >
        <Table<Incentive>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          className={styles.toolbar}
          columns={[
            { title: '年度', dataIndex: 'year' },
            { title: '姓名', dataIndex: 'name' },
            { title: '类别', dataIndex: 'kind', render: (k: Incentive['kind']) => INCENTIVE_KIND_LABELS[k] },
            { title: '院校', dataIndex: 'institution', render: (v: string | null) => v ?? '' },
            { title: '结果', dataIndex: 'result', render: (r: Incentive['result']) => INCENTIVE_RESULT_LABELS[r] },
            { title: '奖励', dataIndex: 'reward', render: (v: string | null) => v ?? '' },
          ]}
        />
      </Card>
      <IncentiveModal open={open} onClose={() => setOpen(false)} />
    </Flex>
  );
}
