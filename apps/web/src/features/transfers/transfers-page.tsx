import { useState } from 'react';
import { ImportOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Segmented, Space, Table } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { paidUpToLabel, type ReceiptStatus, type TransferItem } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { ReceiptModal } from './receipt-modal.tsx';
import { TransferInModal } from './transfer-in-modal.tsx';
import { directionLabel, TransferStatusTag } from './transfer-labels.tsx';
import { TransferOutModal } from './transfer-out-modal.tsx';
import styles from './transfers.module.css';
import { useTransfers } from './transfers.queries.ts';

type Filter = 'all' | ReceiptStatus;
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'awaiting', label: '待回执' },
  { value: 'overdue', label: '逾期未回执' },
  { value: 'returned', label: '回执已返回' },
  { value: 'received', label: '转入' },
];

/** 组织关系转接: the party-affairs office's letters out and in, receipts, and the overdue ones flagged. */
export default function TransfersPage() {
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter: Filter = FILTERS.find((f) => f.value === params.get('status'))?.value ?? 'all';
  const list = useTransfers(filter === 'all' ? {} : { status: filter });
  const [sending, setSending] = useState(false);
  const [receiving, setReceiving] = useState(false);
  const [receipt, setReceipt] = useState<TransferItem | null>(null);
  const manage = can('transfers.manage');
  const overdue = list.data?.overdueCount ?? 0;
  return (
    <Flex vertical gap="middle">
      <div className="page-toolbar">
        <h1>组织关系转接</h1>
        {manage && (
          <Space wrap>
            <Button type="primary" icon={<SendOutlined />} onClick={() => setSending(true)}>
              转出（开具介绍信）
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setReceiving(true)}>
              转入
            </Button>
          </Space>
        )}
      </div>
      {overdue > 0 && filter !== 'overdue' && (
        <Alert
          type="warning"
          showIcon
          data-testid="transfers-overdue"
          title={`${String(overdue)}份介绍信已过有效期，回执尚未返回`}
          description="回执返回前，转出党组织仍负有管理责任，请及时催办。"
          action={
            <Button size="small" onClick={() => setParams({ status: 'overdue' })}>
              查看
            </Button>
          }
        />
      )}
      {list.isError && <QueryErrorAlert error={list.error} />}
      <Card>
        <Segmented<Filter>
          options={FILTERS}
          value={filter}
          onChange={(v) => setParams(v === 'all' ? {} : { status: v })}
          className={styles.filters}
        />
        <Table<TransferItem>
          size="small"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items}
          pagination={{ pageSize: 20 }}
          scroll={{ x: 1300 }}
          data-testid="transfers-table"
          columns={[
            { title: '介绍信编号', dataIndex: 'letterNo', width: 120 },
            {
              title: '姓名',
              dataIndex: 'personName',
              width: 90,
              render: (name: string, t) => <Link to={`/members/${t.personId}`}>{name}</Link>,
            },
            { title: '类别', key: 'direction', width: 90, render: (_, t) => directionLabel(t) },
            { title: '转出单位', dataIndex: 'fromName', width: 200 },
            { title: '接收单位', dataIndex: 'toName', width: 200 },
            { title: '开具日期', dataIndex: 'issuedOn', width: 110 },
            {
              title: '有效期至',
              dataIndex: 'validUntil',
              width: 110,
              render: (v: string | null, t) => v ?? (t.receivedOn ? `接收 ${t.receivedOn}` : '—'),
            },
            {
              title: '党费交至',
              dataIndex: 'duesPaidUpTo',
              width: 110,
              render: (v: string | null) => paidUpToLabel(v),
            },
            {
              title: '状态',
              key: 'status',
              width: 130,
              render: (_, t) => (
                <>
                  <TransferStatusTag item={t} />
                  {t.receiptOn && <div>{t.receiptOn}</div>}
                </>
              ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 170,
              render: (_, t) => (
                <Space size={0} wrap>
                  {t.direction === 'out' && (
                    <Button
                      size="small"
                      type="link"
                      icon={<PrinterOutlined />}
                      onClick={() => void navigate(`/transfers/${t.id}/letter`)}
                    >
                      介绍信
                    </Button>
                  )}
                  {manage && t.direction === 'out' && !t.receiptOn && (
                    <Button size="small" type="link" onClick={() => setReceipt(t)}>
                      登记回执
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <TransferOutModal
        open={sending}
        onClose={() => setSending(false)}
        onIssued={(t) => void navigate(`/transfers/${t.id}/letter`)}
      />
      <TransferInModal open={receiving} onClose={() => setReceiving(false)} />
      <ReceiptModal letter={receipt} onClose={() => setReceipt(null)} />
    </Flex>
  );
}
