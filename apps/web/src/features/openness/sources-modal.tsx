import { Button, Modal, Skeleton, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { DISCLOSURE_SOURCE_KIND_LABELS, type DisclosureSourceCandidate } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import styles from './openness.module.css';
import { useDisclosureSources } from './openness.queries.ts';

/**
 * 从来源公开: what meetings, 四议两公开, commitments and 民主评议 have made public; the writer picks one
 * and the item shows the record's own text (not typed again), through the same approval.
 */
export function SourcesModal({
  open,
  onClose,
  onPick,
}: {
  open: boolean;
  onClose: () => void;
  onPick: (s: DisclosureSourceCandidate) => void;
}) {
  const sources = useDisclosureSources(open);
  return (
    <Modal open={open} title="从其他功能公开" footer={null} onCancel={onClose} width={880}>
      {sources.isPending ? (
        <Skeleton active />
      ) : sources.isError ? (
        <QueryErrorAlert error={sources.error} />
      ) : (
        <Table<DisclosureSourceCandidate>
          size="small"
          rowKey={(s) => `${s.kind}:${s.ref}`}
          dataSource={sources.data.items}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 640 }}
          expandable={{
            expandedRowRender: (s) => <div className={styles.sourceText}>{s.text}</div>,
          }}
          columns={[
            {
              title: '来源',
              dataIndex: 'kind',
              width: 130,
              render: (k: DisclosureSourceCandidate['kind']) => <Tag>{DISCLOSURE_SOURCE_KIND_LABELS[k]}</Tag>,
            },
            {
              title: '记录',
              dataIndex: 'label',
              render: (label: string, s) => <Link to={s.url}>{label}</Link>,
            },
            { title: '日期', dataIndex: 'on', width: 110 },
            {
              title: '',
              key: 'pick',
              width: 120,
              render: (_: unknown, s) =>
                s.disclosureIds.length > 0 ? (
                  <Typography.Text type="secondary">已有公开事项</Typography.Text>
                ) : (
                  <Button size="small" type="primary" onClick={() => onPick(s)}>
                    编写公开事项
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
