import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { errorMessage } from '../../platform/api.ts';
import { filesApi } from '../files/files.api.ts';

export interface AttachmentValue {
  id: string;
  name: string;
}

/**
 * 附件 of a disclosure item: uploaded one by one through /api/files, kept as ids on the item. On the
 * public portal they download only while the item is on show.
 */
export function AttachmentsField({
  value = [],
  onChange,
}: {
  value?: AttachmentValue[];
  onChange?: (v: AttachmentValue[]) => void;
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
      <Button icon={<UploadOutlined />}>上传附件</Button>
    </Upload>
  );
}
