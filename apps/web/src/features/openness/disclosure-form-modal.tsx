import { Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  DISCLOSURE_CATEGORIES,
  DISCLOSURE_CATEGORY_LABELS,
  DISCLOSURE_CHANNEL_LABELS,
  DISCLOSURE_CHANNELS,
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_SCOPES,
  type Disclosure,
  type DisclosureCategory,
  type DisclosureChannel,
  type DisclosureScope,
} from '@qizhi/domain';
import { courtTodayValue, dateValue, isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import ui from '../../platform/ui.module.css';
import { useSave } from '../../platform/use-save.ts';
import { opennessApi } from './openness.api.ts';
import { opennessKey } from './openness.queries.ts';

interface Values {
  scope: DisclosureScope;
  category: DisclosureCategory;
  title: string;
  body: string;
  channels: DisclosureChannel[];
  publishFrom: Dayjs;
  publishUntil: Dayjs | null;
}

/** 编写公开事项: a new draft, or a draft (or returned item) edited. */
export function DisclosureFormModal({
  open,
  item,
  onClose,
}: {
  open: boolean;
  item: Disclosure | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const saver = useSave({
    save: (v: Values) => {
      const body = {
        scope: v.scope,
        category: v.category,
        title: v.title.trim(),
        body: v.body.trim(),
        channels: v.channels,
        attachmentFileIds: item?.attachmentFileIds ?? [],
        publishFrom: isoDate(v.publishFrom),
        publishUntil: isoDate(v.publishUntil),
      };
      return item ? opennessApi.update(item.id, body) : opennessApi.create(body);
    },
    form,
    invalidates: [opennessKey],
    success: '已保存草稿',
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormModal<Values>
      open={open}
      title={item ? '修改公开事项' : '编写公开事项'}
      form={form}
      saver={saver}
      onCancel={onClose}
      width={720}
      initialValues={
        item
          ? { ...item, publishFrom: dateValue(item.publishFrom)!, publishUntil: dateValue(item.publishUntil) }
          : {
              scope: 'party',
              category: 'meetings',
              channels: ['board', 'website', 'kiosk'],
              publishFrom: courtTodayValue(),
              publishUntil: null,
            }
      }
    >
      <Form.Item name="scope" label="公开范围">
        <Radio.Group
          optionType="button"
          options={DISCLOSURE_SCOPES.map((s) => ({ value: s, label: DISCLOSURE_SCOPE_LABELS[s] }))}
        />
      </Form.Item>
      <Form.Item name="category" label="类别">
        <Select options={DISCLOSURE_CATEGORIES.map((c) => ({ value: c, label: DISCLOSURE_CATEGORY_LABELS[c] }))} />
      </Form.Item>
      <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="body"
        label="公开内容（不得包含身份证号、电话号码）"
        rules={[{ required: true, whitespace: true, message: '请填写公开内容' }]}
      >
        <Input.TextArea rows={8} maxLength={20000} />
      </Form.Item>
      <Form.Item name="channels" label="公开渠道" rules={[{ required: true, message: '请至少选择一个公开渠道' }]}>
        <Checkbox.Group options={DISCLOSURE_CHANNELS.map((c) => ({ value: c, label: DISCLOSURE_CHANNEL_LABELS[c] }))} />
      </Form.Item>
      <Form.Item name="publishFrom" label="公开开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
        <DatePicker className={ui.block} />
      </Form.Item>
      <Form.Item name="publishUntil" label="公开截止日期（不填为长期公开）">
        <DatePicker className={ui.block} />
      </Form.Item>
    </FormModal>
  );
}
