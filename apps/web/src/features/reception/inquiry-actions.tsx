import { useState } from 'react';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import type { Inquiry } from '@qizhi/domain';
import { FormProblem } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { receptionApi } from './reception.api.ts';
import { inquiriesKey, useReceivers } from './reception.queries.ts';

/** A select of the court's people an inquiry may be handed to. */
export function ReceiverSelect(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const receivers = useReceivers();
  return (
    <Select
      {...props}
      showSearch
      optionFilterProp="label"
      loading={receivers.isPending}
      placeholder="选择接收人"
      size="large"
      options={(receivers.data?.items ?? []).map((r) => ({
        value: r.userId,
        label: r.departmentName ? `${r.name}（${r.departmentName}）` : r.name,
      }))}
    />
  );
}

/** 移交 and 办结 for the inquiry's current holder. */
export function InquiryActions({ inquiry }: { inquiry: Inquiry }) {
  const [mode, setMode] = useState<'hand-over' | 'close' | null>(null);
  const [form] = Form.useForm<{ receiverUserId: string; note?: string; result: string }>();
  const saver = useSave({
    save: (v: { receiverUserId: string; note?: string; result: string }) =>
      mode === 'close'
        ? receptionApi.close(inquiry.id, v.result.trim())
        : receptionApi.handOver(inquiry.id, { receiverUserId: v.receiverUserId, note: v.note?.trim() ?? '' }),
    form,
    invalidates: [inquiriesKey],
    success: mode === 'close' ? '已办结' : '已移交',
    showError: 'alert',
    onSaved: () => setMode(null),
  });
  return (
    <>
      <Space wrap>
        <Button size="large" onClick={() => setMode('hand-over')}>
          移交
        </Button>
        <Button size="large" type="primary" onClick={() => setMode('close')}>
          办结
        </Button>
      </Space>
      <Modal
        open={mode !== null}
        title={mode === 'close' ? '办结首问事项' : '移交首问事项'}
        okText={mode === 'close' ? '办结' : '移交'}
        cancelText="取消"
        confirmLoading={saver.saving}
        onOk={() => form.submit()}
        onCancel={() => setMode(null)}
        destroyOnHidden
      >
        <FormProblem problem={saver.problem} />
        <Form form={form} layout="vertical" onFinish={saver.save} clearOnDestroy>
          {mode === 'close' ? (
            <Form.Item
              name="result"
              label="办理结果"
              rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="receiverUserId" label="接收人" rules={[{ required: true, message: '请选择接收人' }]}>
                <ReceiverSelect />
              </Form.Item>
              <Form.Item name="note" label="移交说明">
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
