import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { errorMessage } from '../../platform/api.ts';
import { filesApi } from './files.api.ts';

export interface AttachmentValue {
  id: string;
  name: string;
}

/**
 * A form field of attached files (a disclosure's 附件, a development step's 材料): uploaded one by
 * one through /api/files, kept as ids on the record, which then decides who may download them.
 */
export function AttachmentsField({
  value = [],
  onChange,
  label = '上传附件',
}: {
  value?: AttachmentValue[];
  onChange?: (v: AttachmentValue[]) => void;
  label?: string;
}) {
  const { message } = App.useApp();
  const fileList: UploadFile[] = value.map((f) => ({
    uid: f.id,
    name: f.name,
    status: 'done',
    url: filesApi.url(f.id),
  }));
  return (
    <Upload
      fileList={fileList}
      maxCount={10}
      accept=".pdf,.jpg,.jpeg,.png,.docx,.doc,.xlsx,.xls,.txt"
      customRequest={({ file, onSuccess, onError }) => {
        filesApi
          .upload(file as File)
          .then((stored) => {
            onChange?.([...value, { id: stored.id, name: stored.name }]);
            onSuccess?.(stored);
          })
          .catch((error: unknown) => {
            void message.error(errorMessage(error));
            onError?.(error instanceof Error ? error : new Error(errorMessage(error)));
          });
      }}
      onRemove={(f) => onChange?.(value.filter((v) => v.id !== f.uid))}
    >
      <Button icon={<UploadOutlined />}>{label}</Button>
    </Upload>
  );
}
