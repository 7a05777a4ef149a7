import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Image, Input, Radio, Upload } from 'antd';
import { CULTURE_ITEM_KIND_LABELS, CULTURE_ITEM_KINDS, type CultureItem, type CultureItemKind } from '@qizhi/domain';
import { errorMessage } from '../../platform/api.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { filesApi } from '../files/files.api.ts';
import { cultureWallApi } from './culture-wall.api.ts';
import { cultureKey } from './culture-wall.queries.ts';

interface Values {
  kind: CultureItemKind;
  title: string;
  body: string;
  source: string;
}

/** 新增 / 修改 a culture-wall item (a draft): a requirement, a saying with its source, or a poster. */
export function ItemFormModal({
  open,
  item,
  onClose,
}: {
  open: boolean;
  item: CultureItem | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? item?.kind ?? 'saying';
  const [imageFileId, setImageFileId] = useState<string | null>(item?.imageFileId ?? null);
  const saver = useSave({
    save: (v: Values) => {
      const body = {
        kind: v.kind,
        title: (v.title ?? '').trim(),
        body: (v.body ?? '').trim(),
        source: v.kind === 'saying' ? (v.source ?? '').trim() || null : null,
        imageFileId: v.kind === 'poster' ? imageFileId : null,
      };
      return item ? cultureWallApi.updateItem(item.id, body) : cultureWallApi.createItem(body);
    },
    form,
    invalidates: [cultureKey],
    success: '已保存草稿',
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormModal<Values>
      open={open}
      title={item ? '修改内容' : '新增内容'}
      form={form}
      saver={saver}
      onCancel={onClose}
      width={640}
      initialValues={
        item
          ? { kind: item.kind, title: item.title, body: item.body, source: item.source ?? '' }
          : { kind: 'saying', title: '', body: '', source: '' }
      }
    >
      <Form.Item name="kind" label="类型">
        <Radio.Group
          optionType="button"
          disabled={item !== null}
          options={CULTURE_ITEM_KINDS.map((k) => ({ value: k, label: CULTURE_ITEM_KIND_LABELS[k] }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={kind === 'saying' ? '标题（可不填）' : '标题'}
        rules={kind === 'saying' ? [] : [{ required: true, whitespace: true, message: '请填写标题' }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      {kind !== 'poster' ? (
        <Form.Item
          name="body"
          label={kind === 'saying' ? '格言警句' : '内容'}
          rules={[{ required: true, whitespace: true, message: '请填写内容' }]}
        >
          <Input.TextArea rows={kind === 'saying' ? 3 : 6} maxLength={1000} />
        </Form.Item>
      ) : (
        <Form.Item name="body" label="说明（可不填）">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      )}
      {kind === 'saying' && (
        <Form.Item
          name="source"
          label="出处"
          rules={[{ required: true, whitespace: true, message: '请注明出处' }]}
          extra="如：《论语·子路》、包拯《书端州郡斋壁》、讲话的场合和日期"
        >
          <Input maxLength={100} />
        </Form.Item>
      )}
      {kind === 'poster' && (
        <Form.Item label="宣传画图片" required extra="jpg、png、gif 或 webp">
          {imageFileId && <Image width={160} src={filesApi.url(imageFileId)} alt="宣传画" />}
          <Upload
            maxCount={1}
            accept=".jpg,.jpeg,.png,.gif,.webp"
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              filesApi
                .upload(file as File)
                .then((stored) => {
                  setImageFileId(stored.id);
                  onSuccess?.(stored);
                })
                .catch((error: unknown) => {
                  void message.error(errorMessage(error));
                  onError?.(error instanceof Error ? error : new Error(errorMessage(error)));
                });
            }}
          >
            <Button icon={<UploadOutlined />}>{imageFileId ? '换一张' : '上传图片'}</Button>
          </Upload>
        </Form.Item>
      )}
    </FormModal>
  );
}
