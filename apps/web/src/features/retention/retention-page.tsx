import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, InputNumber, Skeleton, Table } from 'antd';
import {
  formatCourtDateTime,
  type RetentionKind,
  type RetentionKindState,
  type RetentionSettings,
} from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useSave } from '../../platform/use-save.ts';
import { retentionApi } from './retention.api.ts';
import styles from './retention.module.css';

const key = ['retention'] as const;
type Values = Record<RetentionKind, number>;

function PeriodsForm({ settings }: { settings: RetentionSettings }) {
  const [form] = Form.useForm<Values>();
  const save = useSave({
    form,
    invalidates: [[...key]],
    save: (values: Values) => retentionApi.save({ periods: values }),
    success: '已保存保存期限',
  });
  const initial = Object.fromEntries(settings.kinds.map((k) => [k.kind, k.period])) as Values;
  return (
    <Form form={form} initialValues={initial} onFinish={(values) => save.save(values)}>
      <Table<RetentionKindState>
        rowKey="kind"
        pagination={false}
        dataSource={settings.kinds}
        columns={[
          {
            title: '个人信息',
            dataIndex: 'label',
            render: (label: string, k) => (
              <>
                <div>{label}</div>
                <div className={styles.hint}>{k.description}</div>
              </>
            ),
          },
          {
            title: '保存期限',
            width: 200,
            render: (_v, k) => (
              <Form.Item
                name={k.kind}
                rules={[{ required: true, message: '请填写保存期限' }]}
                extra={`最少${String(k.minimum)}${k.unitLabel}，默认${String(k.defaultPeriod)}${k.unitLabel}`}
              >
                <InputNumber min={k.minimum} max={k.maximum} precision={0} suffix={k.unitLabel} />
              </Form.Item>
            ),
          },
          {
            title: '现在到期',
            width: 170,
            render: (_v, k) => (
              <>
                <div>{k.due} 条</div>
                <div className={styles.hint}>{formatCourtDateTime(k.cutoff)} 之前</div>
              </>
            ),
          },
        ]}
      />
      <Flex gap="small" className={styles.actions}>
        <Button type="primary" htmlType="submit" loading={save.saving}>
          保存
        </Button>
      </Flex>
    </Form>
  );
}

/**
 * 系统管理 → 保存期限: how long each kind of personal data is kept before the daily purge removes it
 * (PIPL §19). The 安全管理员 sets them within each kind's minimum; the audit log is not among them.
 */
export default function RetentionPage() {
  const settings = useQuery({ queryKey: key, queryFn: retentionApi.settings });
  return (
    <Flex vertical gap="small" className={styles.page}>
      <h1 className="page-title">个人信息保存期限</h1>
      <Alert
        type="info"
        showIcon
        title="超过保存期限的个人信息每天自动清理，清理条数记入审计日志；未办结的来访和首问事项不清理。"
      />
      {settings.isError && <QueryErrorAlert error={settings.error} />}
      <Card>{settings.data ? <PeriodsForm settings={settings.data} /> : <Skeleton active />}</Card>
      {settings.data && (
        <Alert
          type="warning"
          showIcon
          title={`${settings.data.auditLog.label}：不清理`}
          description={settings.data.auditLog.note}
        />
      )}
    </Flex>
  );
}
