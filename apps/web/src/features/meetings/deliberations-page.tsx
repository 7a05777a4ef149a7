import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Flex, Form, Input, Modal, Select, Skeleton, Steps, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { courtToday, DISCLOSURE_KIND_LABELS, type DeliberationMatter, type DisclosureKind } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { FormModal } from '../../platform/form-modal.tsx';
import { useCan } from '../../platform/session.tsx';
import { useSave, type SaveOptions } from '../../platform/use-save.ts';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { deliberationsApi } from './meetings.api.ts';
import styles from './meetings.module.css';
import { deliberationKeys, useDeliberations, useMeetingPage } from './meetings.queries.ts';

/** A write to a matter: the list is refreshed, then the dialog closes. */
function useMatterSave<TVariables>(
  save: (v: TVariables) => Promise<unknown>,
  form: SaveOptions<TVariables, unknown>['form'],
  onSaved: () => void,
) {
  return useSave({ save, form, invalidates: [deliberationKeys.all], onSaved });
}

function StepModal({ matter, index, onClose }: { matter: DeliberationMatter; index: number; onClose: () => void }) {
  const [meetingId, setMeetingId] = useState<string>();
  const [outcome, setOutcome] = useState('');
  const step = useMatterSave(
    (chosen: string) => deliberationsApi.recordStep(matter.id, index, { meetingId: chosen, outcome: outcome || null }),
    undefined,
    onClose,
  );
  const held = useMeetingPage({ status: 'closed', pageSize: 100 });
  const heldOpen = useMeetingPage({ status: 'held', pageSize: 100 });
  const options = [...(heldOpen.data?.items ?? []), ...(held.data?.items ?? [])].map((m) => ({
    value: m.id,
    label: `${courtToday(m.startsAt)} ${m.orgUnitName}：${m.topic}`,
  }));
  return (
    <Modal
      open
      title={`办理第${String(index + 1)}步：${matter.steps[index]?.label ?? ''}`}
      okText="保存"
      confirmLoading={step.saving}
      okButtonProps={{ disabled: !meetingId }}
      onCancel={onClose}
      onOk={() => meetingId && step.save(meetingId)}
    >
      <Flex vertical gap="small">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="召开该步骤的会议（须已填写会议记录）"
          options={options}
          value={meetingId}
          onChange={setMeetingId}
          className={styles.fullWidth}
        />
        <Input.TextArea
          placeholder="议定情况"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          maxLength={1000}
        />
      </Flex>
    </Modal>
  );
}

interface DisclosureValues {
  disclosedOn: Dayjs;
  place: string;
  content: string;
}

function DisclosureModal({
  matter,
  kind,
  onClose,
}: {
  matter: DeliberationMatter;
  kind: DisclosureKind;
  onClose: () => void;
}) {
  const [form] = Form.useForm<DisclosureValues>();
  const disclose = useMatterSave(
    (v: DisclosureValues) =>
      deliberationsApi.disclose(matter.id, {
        kind,
        disclosedOn: v.disclosedOn.format('YYYY-MM-DD'),
        place: v.place,
        content: v.content,
      }),
    form,
    onClose,
  );
  return (
    <FormModal open title={DISCLOSURE_KIND_LABELS[kind]} form={form} saver={disclose} onCancel={onClose}>
      <Form.Item name="disclosedOn" label="公开日期" rules={[{ required: true, message: '请选择公开日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="place" label="公开方式和地点" rules={[{ required: true, message: '请填写公开方式和地点' }]}>
        <Input placeholder="如：院务公开栏、法院网站" />
      </Form.Item>
      <Form.Item name="content" label="公开内容" rules={[{ required: true, message: '请填写公开内容' }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </FormModal>
  );
}

function MatterCard({ matter }: { matter: DeliberationMatter }) {
  const can = useCan();
  const [step, setStep] = useState<number | null>(null);
  const [disclosure, setDisclosure] = useState<DisclosureKind | null>(null);
  const [kind, value] = matter.next.split(':') as [string, string | undefined];
  const disclosed = (k: DisclosureKind) => matter.disclosures.find((d) => d.kind === k);
  const current = kind === 'step' ? Number(value) : kind === 'disclosure' ? (value === 'resolution' ? 4 : 5) : 6;
  return (
    <Card title={matter.title} extra={matter.orgUnitName} size="small">
      {matter.description && <Typography.Paragraph type="secondary">{matter.description}</Typography.Paragraph>}
      <Steps
        size="small"
        current={current}
        responsive
        items={[
          ...matter.steps.map((s) => ({
            title: s.label,
            description: s.heldOn
              ? `${s.heldOn} ${s.meetingTopic ?? ''}${s.outcome ? `：${s.outcome}` : ''}`
              : undefined,
          })),
          ...(['resolution', 'result'] as const).map((k) => {
            const d = disclosed(k);
            return { title: DISCLOSURE_KIND_LABELS[k], description: d ? `${d.disclosedOn} ${d.place}` : undefined };
          }),
        ]}
      />
      {can('deliberations.manage') && kind !== 'done' && (
        <Button
          type="primary"
          size="small"
          className={styles.nextStep}
          onClick={() => (kind === 'step' ? setStep(Number(value)) : setDisclosure(value as DisclosureKind))}
        >
          办理下一步：
          {kind === 'step' ? matter.steps[Number(value)]?.label : DISCLOSURE_KIND_LABELS[value as DisclosureKind]}
        </Button>
      )}
      {step !== null && <StepModal matter={matter} index={step} onClose={() => setStep(null)} />}
      {disclosure && <DisclosureModal matter={matter} kind={disclosure} onClose={() => setDisclosure(null)} />}
    </Card>
  );
}

interface MatterValues {
  orgUnitId: string;
  title: string;
  description?: string;
}

/** 四议两公开: each matter's four deliberations, in order, then the two disclosures. */
export default function DeliberationsPage() {
  const can = useCan();
  const list = useDeliberations();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<MatterValues>();
  const create = useMatterSave(
    (v: MatterValues) => deliberationsApi.create(v),
    form,
    () => setCreating(false),
  );
  return (
    <Flex vertical gap="middle">
      <div className="page-toolbar">
        <h1>四议两公开</h1>
        {can('deliberations.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建事项
          </Button>
        )}
      </div>
      {list.isPending && <Skeleton active />}
      {list.isError && <QueryErrorAlert error={list.error} />}
      {list.data?.items.length === 0 && <Empty description="还没有事项" />}
      {list.data?.items.map((m) => (
        <MatterCard key={m.id} matter={m} />
      ))}
      <FormModal
        open={creating}
        title="新建“四议两公开”事项"
        form={form}
        saver={create}
        onCancel={() => setCreating(false)}
      >
        <Form.Item name="orgUnitId" label="党组织" rules={[{ required: true, message: '请选择党组织' }]}>
          <OrgUnitSelect allowClear={false} />
        </Form.Item>
        <Form.Item name="title" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label="事项说明">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
