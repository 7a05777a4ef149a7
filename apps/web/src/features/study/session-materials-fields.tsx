/**
 * 学习材料 in a session's form: rich text in the minutes' editor (the server cleans it to the same
 * allow-list), links, and files uploaded through /api/files (readable by whoever may see the session).
 */
import { useState } from 'react';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Upload, type UploadFile } from 'antd';
import type { FileRef, StoredFile } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { MinutesEditor } from '../meetings/minutes-view.tsx';
import { filesApi } from '../files/files.api.ts';
import { studyApi } from './study.api.ts';
import { useStudySave } from './study.queries.ts';
import styles from './study.module.css';

interface StudyLink {
  title: string;
  url: string;
}

export interface MaterialValues {
  materialsHtml?: string;
  links?: StudyLink[];
  files?: UploadFile<FileRef | StoredFile>[];
}

/** The form's materials as the API takes them. */
export function materialsOf(v: MaterialValues) {
  return {
    materialsHtml: v.materialsHtml ? v.materialsHtml : null,
    links: (v.links ?? []).filter((l) => l.title.trim() && l.url.trim()),
    fileIds: (v.files ?? []).flatMap((f) => (f.response ? [f.response.id] : [])),
  };
}

interface SessionMaterials {
  id: string;
  materialsHtml: string | null;
  links: StudyLink[];
  files: FileRef[];
}

/** A session's stored materials as the form shows them. */
export function materialValuesOf(s: SessionMaterials): MaterialValues {
  return {
    materialsHtml: s.materialsHtml ?? '',
    links: s.links,
    files: s.files.map((f): UploadFile<FileRef> => ({
      uid: f.id,
      name: f.name,
      status: 'done',
      response: f,
      url: filesApi.url(f.id),
    })),
  };
}

/** The editor as a form control: it starts from the field's value and reports each change. */
function RichText({ value, onChange }: { value?: string; onChange?: (html: string) => void }) {
  const [initial] = useState(value ?? '');
  return <MinutesEditor initial={initial} onChange={(html) => onChange?.(html)} label="学习材料" />;
}

export function SessionMaterialsFields() {
  const upload = useSave({ save: filesApi.upload });
  return (
    <>
      <Form.Item name="materialsHtml" label="学习材料（图文）">
        <RichText />
      </Form.Item>
      <Form.Item label="相关链接">
        <Form.List name="links">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap>
                  <Form.Item
                    name={[field.name, 'title']}
                    noStyle
                    rules={[{ required: true, whitespace: true, message: '请填写链接名称' }]}
                  >
                    <Input placeholder="链接名称" maxLength={100} aria-label="链接名称" className={styles.linkName} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'url']}
                    noStyle
                    rules={[
                      { required: true, pattern: /^https?:\/\//, message: '链接地址应以 http:// 或 https:// 开头' },
                    ]}
                  >
                    <Input placeholder="https://" maxLength={500} aria-label="链接地址" className={styles.linkUrl} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label="删除链接" onClick={() => remove(field.name)} />
                </Flex>
              ))}
              {fields.length < 20 && (
                <Button icon={<PlusOutlined />} onClick={() => add({ title: '', url: '' })}>
                  添加链接
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item
        name="files"
        label="附件"
        valuePropName="fileList"
        getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      >
        <Upload<FileRef | StoredFile>
          maxCount={20}
          customRequest={({ file, onSuccess, onError }) => {
            // A failed upload is told by the save flow; the list marks the file as failed.
            void upload.saveAsync(file as File).then((stored) => {
              if (stored) onSuccess?.(stored);
              else onError?.(new Error('上传失败'));
            });
          }}
        >
          <Button icon={<UploadOutlined />}>上传附件</Button>
        </Upload>
      </Form.Item>
    </>
  );
}

/** 编辑学习材料: the organiser adds or changes a session's materials after planning it. */
export function MaterialsModal({
  session,
  open,
  onClose,
}: {
  session: SessionMaterials;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<MaterialValues>();
  const saver = useStudySave({
    form,
    save: (v: MaterialValues) => studyApi.updateSession(session.id, materialsOf(v)),
    success: '已保存学习材料',
    onSaved: onClose,
  });
  return (
    <FormModal
      open={open}
      title="学习材料"
      form={form}
      saver={saver}
      onCancel={onClose}
      width={640}
      initialValues={materialValuesOf(session)}
    >
      <SessionMaterialsFields />
    </FormModal>
  );
}
