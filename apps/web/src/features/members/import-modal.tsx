import { useState } from 'react';
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Spin, Upload } from 'antd';
import type { ImportResult } from '@qizhi/domain';
import { ApiError, api, errorMessage } from '../../platform/api.ts';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { ImportResultView, isImportResult } from './import-result-view.tsx';
import { refreshPeople } from './members-queries.ts';

type Phase = 'choose' | 'checking' | 'checked' | 'importing' | 'done';

/** Upload → dry run → preview and errors by row → 确认导入 only when the file is clean. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('choose');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  function reset() {
    setFile(null);
    setPhase('choose');
    setResult(null);
    setError(null);
  }

  async function run(chosen: File, dryRun: boolean) {
    setPhase(dryRun ? 'checking' : 'importing');
    setError(null);
    try {
      const answer = await api.upload<ImportResult>('/api/members/import', chosen, { dryRun });
      setResult(answer);
      setPhase(dryRun ? 'checked' : 'done');
      if (!dryRun) {
        void message.success(`导入完成：新增 ${String(answer.created)} 人，更新 ${String(answer.updated)} 人`);
        await refreshPeople();
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'IMPORT_HAS_ERRORS' && isImportResult(caught.details)) {
        setResult(caught.details);
      } else {
        setError(errorMessage(caught));
      }
      setPhase('checked');
    }
  }

  async function downloadTemplate() {
    try {
      await api.download('/api/members/import-template', undefined, '花名册导入模板.xlsx');
    } catch (caught) {
      void message.error(errorMessage(caught));
    }
  }

  const canImport =
    phase === 'checked' && result !== null && result.errors.length === 0 && result.created + result.updated > 0;
  const busy = phase === 'checking' || phase === 'importing';

  return (
    <Modal
      open={open}
      title="导入花名册"
      width={isPhone ? '100%' : 860}
      onCancel={() => {
        if (busy) return;
        reset();
        onClose();
      }}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button icon={<FileExcelOutlined />} onClick={() => void downloadTemplate()}>
            下载导入模板
          </Button>
          {file && phase !== 'done' && (
            <Button onClick={reset} disabled={busy}>
              重新选择文件
            </Button>
          )}
          {phase === 'done' ? (
            <Button
              type="primary"
              onClick={() => {
                reset();
                onClose();
              }}
            >
              完成
            </Button>
          ) : (
            <Button
              type="primary"
              disabled={!canImport}
              loading={phase === 'importing'}
              onClick={() => {
                if (file) void run(file, false);
              }}
            >
              确认导入
            </Button>
          )}
        </Space>
      }
    >
      {phase === 'choose' && (
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(chosen) => {
            setFile(chosen);
            void run(chosen, true);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或将 Excel 文件拖到此处</p>
          <p className="ant-upload-hint">
            请使用导入模板（.xlsx）。上传后先检查文件，不会立即写入；检查无误后再点“确认导入”。
          </p>
        </Upload.Dragger>
      )}
      {phase !== 'choose' && file && (
        <p style={{ marginTop: 0 }}>
          文件：<strong>{file.name}</strong>
        </p>
      )}
      {busy && (
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin description={phase === 'checking' ? '正在检查文件…' : '正在导入…'}>
            <div style={{ height: 48 }} />
          </Spin>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {!busy && result && <ImportResultView result={result} />}
    </Modal>
  );
}
