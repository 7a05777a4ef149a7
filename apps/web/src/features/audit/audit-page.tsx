import { useMemo } from 'react';
import { Card, Col, Row, Table, Tag, Typography, type TableProps } from 'antd';
import { auditActionLabel, auditEntityLabel, inCourtZone, type AuditEntry } from '@qizhi/domain';
import { toSearchParams } from '../../platform/api.ts';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import ui from '../../platform/ui.module.css';
import { usePageParams } from '../../platform/use-page-params.ts';
import { AuditFiltersBar, type AuditFilters } from './audit-filters.tsx';
import styles from './audit.module.css';
import { useAuditPage } from './audit.queries.ts';

const FILTER_KEYS = ['action', 'actor', 'entity', 'from', 'to'] as const;

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="json-block">
        {value === null || value === undefined ? '（无）' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** Read-only log of every write and every reading of full personal data (审计管理员 only). */
export default function AuditPage() {
  const { search, setSearch, page, pageSize, onPageChange } = usePageParams();
  const filters = useMemo(() => {
    const f: AuditFilters = {};
    for (const key of FILTER_KEYS) f[key] = search.get(key) ?? undefined;
    return f;
  }, [search]);
  const entries = useAuditPage({ ...filters, page, pageSize });

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      title: '时间',
      dataIndex: 'at',
      width: 170,
      render: (at: string) => inCourtZone(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    { title: '操作人', dataIndex: 'actorName', render: (name: string | null) => name ?? '系统' },
    { title: '动作', dataIndex: 'action', render: (action: string) => <Tag>{auditActionLabel(action)}</Tag> },
    { title: '摘要', dataIndex: 'summary' },
    { title: 'IP', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <Card>
      <h1 className={`page-title ${styles.title}`}>审计日志</h1>
      <AuditFiltersBar
        value={filters}
        onChange={(next) => {
          setSearch(toSearchParams(next));
        }}
      />
      {entries.isError && <QueryErrorAlert error={entries.error} className={ui.above} />}
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={entries.data?.items}
        loading={entries.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (entry) => (
            <>
              {entry.entity && (
                <p className={styles.entity}>
                  对象：{auditEntityLabel(entry.entity)}
                  {entry.entityId ? `（${entry.entityId}）` : ''}
                </p>
              )}
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <JsonBlock title="变更前" value={entry.before} />
                </Col>
                <Col xs={24} md={12}>
                  <JsonBlock title="变更后" value={entry.after} />
                </Col>
              </Row>
            </>
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: entries.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${String(total)} 条`,
          onChange: onPageChange,
        }}
      />
    </Card>
  );
}
