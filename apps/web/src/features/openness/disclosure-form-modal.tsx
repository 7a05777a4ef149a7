import { Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  DISCLOSURE_CATEGORIES,
  DISCLOSURE_CATEGORY_LABELS,
  DISCLOSURE_CHANNEL_LABELS,
  DISCLOSURE_CHANNELS,
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_SCOPES,
  DISCLOSURE_SOURCE_KIND_LABELS,
  sourcedDisclosureTitle,
  type Disclosure,
  type DisclosureCategory,
  type DisclosureSourceCandidate,
  type DisclosureChannel,
  type DisclosureScope,
} from '@qizhi/domain';
import { courtTodayValue, dateValue, isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import ui from '../../platform/ui.module.css';
import { useSave } from '../../platform/use-save.ts';
import { opennessApi } from './openness.api.ts';
import { AttachmentsField, type AttachmentValue } from '../files/attachments-field.tsx';
import styles from './openness.module.css';
import { opennessKey } from './openness.queries.ts';

interface Values {
  scope: DisclosureScope;
  category: DisclosureCategory;
  title: string;
  body: string;
  channels: DisclosureChannel[];
  publishFrom: Dayjs;
  publishUntil: Dayjs | null;
  attachments: AttachmentValue[];
}

/**
 * 编写公开事项: a new draft, or a draft (or returned item) edited; or, with `source`, a draft shown
 * from another capability's record, whose text is the record's and is not typed here.
 */
export function DisclosureFormModal({
  open,
  item,
  source,
  onClose,
}: {
  open: boolean;
  item: Disclosure | null;
  source?: DisclosureSourceCandidate | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const sourced = item?.source ?? (source ? { ...source, available: true } : null);
  const saver = useSave({
    save: (v: Values) => {
      const attachmentFileIds = v.attachments.map((a) => a.id);
      if (source)
        return opennessApi.createFromSource({
          kind: source.kind,
          ref: source.ref,
          title: v.title.trim(),
          scope: v.scope,
          channels: v.channels,
          attachmentFileIds,
          publishFrom: isoDate(v.publishFrom),
          publishUntil: isoDate(v.publishUntil),
        });
      if (item?.source)
        return opennessApi.update(item.id, {
          scope: v.scope,
          title: v.title.trim(),
          channels: v.channels,
          attachmentFileIds,
          publishFrom: isoDate(v.publishFrom),
          publishUntil: isoDate(v.publishUntil),
        });
      const body = {
        scope: v.scope,
        category: v.category,
        title: v.title.trim(),
        body: v.body.trim(),
        channels: v.channels,
        attachmentFileIds,
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
      title={
        item ? '修改公开事项' : source ? `从${DISCLOSURE_SOURCE_KIND_LABELS[source.kind]}编写公开事项` : '编写公开事项'
      }
      form={form}
      saver={saver}
      onCancel={onClose}
      width={720}
      initialValues={
        item
          ? {
              ...item,
              publishFrom: dateValue(item.publishFrom)!,
              publishUntil: dateValue(item.publishUntil),
              attachments: item.attachments,
            }
          : {
              scope: source?.scope ?? 'party',
              category: source?.category ?? 'meetings',
              title: source ? sourcedDisclosureTitle(source) : undefined,
              channels: ['board', 'website', 'kiosk'],
              publishFrom: courtTodayValue(),
              publishUntil: null,
              attachments: [],
            }
      }
    >
      <Form.Item name="scope" label="公开范围">
        <Radio.Group
          optionType="button"
          options={DISCLOSURE_SCOPES.map((s) => ({ value: s, label: DISCLOSURE_SCOPE_LABELS[s] }))}
        />
      </Form.Item>
      {!sourced && (
        <Form.Item name="category" label="类别">
          <Select options={DISCLOSURE_CATEGORIES.map((c) => ({ value: c, label: DISCLOSURE_CATEGORY_LABELS[c] }))} />
        </Form.Item>
      )}
      <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
        <Input maxLength={100} />
      </Form.Item>
      {sourced ? (
        <Form.Item
          label={`公开内容（来自${DISCLOSURE_SOURCE_KIND_LABELS[sourced.kind]}：${sourced.label}，在来源处修改）`}
        >
          <div className={styles.sourceText}>{source?.text ?? item?.body}</div>
        </Form.Item>
      ) : (
        <Form.Item
          name="body"
          label="公开内容（不得包含身份证号、电话号码）"
          rules={[{ required: true, whitespace: true, message: '请填写公开内容' }]}
        >
          <Input.TextArea rows={8} maxLength={20000} />
        </Form.Item>
      )}
      <Form.Item name="channels" label="公开渠道" rules={[{ required: true, message: '请至少选择一个公开渠道' }]}>
        <Checkbox.Group options={DISCLOSURE_CHANNELS.map((c) => ({ value: c, label: DISCLOSURE_CHANNEL_LABELS[c] }))} />
      </Form.Item>
      <Form.Item name="publishFrom" label="公开开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
        <DatePicker className={ui.block} />
      </Form.Item>
      <Form.Item name="publishUntil" label="公开截止日期（不填为长期公开）">
        <DatePicker className={ui.block} />
      </Form.Item>
      <Form.Item name="attachments" label="附件（仅在公开期内可从门户下载；请先去除其中的个人信息）">
        <AttachmentsField />
      </Form.Item>
    </FormModal>
  );
}
