import { Alert, Flex, Table, Tag, Typography } from 'antd';
import type { ImportError, ImportResult } from '@qizhi/domain';

type PreviewRow = ImportResult['preview'][number];

const ACTION_TAGS: Record<PreviewRow['action'], { color: string; label: string }> = {
  create: { color: 'green', label: '新增' },
  update: { color: 'blue', label: '更新' },
  unchanged: { color: 'default', label: '无变化' },
};

export function isImportResult(value: unknown): value is ImportResult {
  if (typeof value !== 'object' || value === null) return false;
  return 'errors' in value && Array.isArray(value.errors) && 'preview' in value && Array.isArray(value.preview);
}

/** What a dry run (or a refused import) found: the counts, every error by row, and the rows to be written. */
export function ImportResultView({ result }: { result: ImportResult }) {
  const hasErrors = result.errors.length > 0;
  return (
    <Flex vertical gap="middle">
      {hasErrors ? (
        <Alert
          type="error"
          showIcon
          title={`文件中有 ${String(result.errors.length)} 处问题，未导入任何数据`}
          description="请按下表修改 Excel 文件后重新上传。"
        />
      ) : (
        <Alert
          type={result.dryRun ? 'info' : 'success'}
          showIcon
          title={
            result.dryRun
              ? `检查通过：将新增 ${String(result.created)} 人，更新 ${String(result.updated)} 人，${String(result.unchanged)} 人无变化`
              : `导入完成：新增 ${String(result.created)} 人，更新 ${String(result.updated)} 人，${String(result.unchanged)} 人无变化`
          }
        />
      )}
      {hasErrors && (
        <div>
          <Typography.Title level={5}>错误明细</Typography.Title>
          <Table<ImportError>
            size="small"
            rowKey={(e) => `${String(e.row)}-${e.column}-${e.message}`}
            dataSource={result.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 90, render: (row: number) => `第${String(row)}行` },
              { title: '列', dataIndex: 'column', width: 140, render: (c: string) => c || '整行' },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </div>
      )}
      {result.preview.length > 0 && (
        <div>
          <Typography.Title level={5}>{hasErrors ? '可以读取的行' : '导入预览'}</Typography.Title>
          <Table<PreviewRow>
            size="small"
            rowKey="row"
            dataSource={result.preview}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 90, render: (row: number) => `第${String(row)}行` },
              { title: '姓名', dataIndex: 'name', width: 100 },
              {
                title: '操作',
                dataIndex: 'action',
                width: 90,
                render: (action: PreviewRow['action']) => (
                  <Tag color={ACTION_TAGS[action].color}>{ACTION_TAGS[action].label}</Tag>
                ),
              },
              {
                title: '变更内容',
                dataIndex: 'changes',
                render: (changes: string[]) => (changes.length ? changes.join('、') : '—'),
              },
            ]}
          />
        </div>
      )}
    </Flex>
  );
}
