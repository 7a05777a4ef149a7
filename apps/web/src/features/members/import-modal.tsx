import { useState } from 'react';
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Modal, Popconfirm, Space, Spin, Upload } from 'antd';
import type { ImportResult } from '@qizhi/domain';
import { ApiError } from '../../platform/api.ts';
import { FormProblem } from '../../platform/form-modal.tsx';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { useSave } from '../../platform/use-save.ts';
import { ImportResultView, isImportResult } from './import-result-view.tsx';
import { membersApi } from './members.api.ts';
import styles from './members.module.css';
import { PEOPLE_CHANGED } from './members.queries.ts';

type Phase = 'choose' | 'checking' | 'checked' | 'importing' | 'done';

/** Upload → dry run → preview and errors by row → 确认导入 only when the file is clean. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const isPhone = useIsPhone();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('choose');
  const [result, setResult] = useState<ImportResult | null>(null);
  const importer = useSave({
    save: ({ chosen, dryRun }: { chosen: File; dryRun: boolean }) => membersApi.import(chosen, dryRun),
    invalidates: (_, { dryRun }) => (dryRun ? [] : PEOPLE_CHANGED),
    success: (answer, { dryRun }) =>
      dryRun ? '' : `导入完成：新增 ${String(answer.created)} 人，更新 ${String(answer.updated)} 人`,
    showError: 'alert',
    onSaved: (answer, { dryRun }) => {
      setResult(answer);
      setPhase(dryRun ? 'checked' : 'done');
    },
    onFailed: (caught) => {
      // A file with errors is refused with what was found in it, row by row: show that, not a message.
      if (caught instanceof ApiError && caught.code === 'IMPORT_HAS_ERRORS' && isImportResult(caught.details)) {
        setResult(caught.details);
        importer.clearProblem();
      }
      setPhase('checked');
    },
  });
  const template = useSave({ save: membersApi.importTemplate });

  function run(chosen: File, dryRun: boolean) {
    setPhase(dryRun ? 'checking' : 'importing');
    importer.save({ chosen, dryRun });
  }

  function reset() {
    setFile(null);
    setPhase('choose');
    setResult(null);
    importer.clearProblem();
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
          <Button
            icon={<FileExcelOutlined />}
            onClick={() => {
              template.save();
            }}
          >
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
            <Popconfirm
              title={`导入将新增${String(result?.created ?? 0)}人、更新${String(result?.updated ?? 0)}人，确定？`}
              description="导入后不能整批撤销，只能逐人修改。"
              disabled={!canImport}
              onConfirm={() => {
                if (file) run(file, false);
              }}
            >
              <Button type="primary" disabled={!canImport} loading={phase === 'importing'}>
                确认导入
              </Button>
            </Popconfirm>
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
            run(chosen, true);
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
        <p className={styles.fileName}>
          文件：<strong>{file.name}</strong>
        </p>
      )}
      {busy && (
        <div className={styles.busy}>
          <Spin description={phase === 'checking' ? '正在检查文件…' : '正在导入…'}>
            <div className={styles.busySpace} />
          </Spin>
        </div>
      )}
      <FormProblem problem={importer.problem} />
      {!busy && result && <ImportResultView result={result} />}
    </Modal>
  );
}
