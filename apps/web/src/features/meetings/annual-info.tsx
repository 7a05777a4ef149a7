import { Button, DatePicker, Descriptions, Form, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  courtYearMonth,
  democraticLifeReportCheck,
  isAnnualItem,
  REPORT_TIMING_LABELS,
  type MeetingDetail,
} from '@qizhi/domain';
import { dateValue, isoDate } from '../../platform/dates.ts';
import { meetingsApi } from './meetings.api.ts';
import styles from './meetings.module.css';
import { useMeetingSave } from './meetings.queries.ts';

interface Values {
  coveredYear: number;
  reportedOn?: Dayjs | null;
}

/**
 * An annual meeting's 所属年度 and, for a 民主生活会, the day it was reported to the level above with
 * whether that was 10–15 days ahead; the host corrects them here (the report usually comes after
 * the plan). Nothing for other types.
 */
export function AnnualInfo({ meeting: m }: { meeting: MeetingDetail }) {
  const [form] = Form.useForm<Values>();
  const save = useMeetingSave({
    save: (v: Values) =>
      meetingsApi.update(m.id, {
        coveredYear: v.coveredYear,
        ...(m.type === 'democratic_life' ? { reportedOn: isoDate(v.reportedOn) } : {}),
      }),
    form,
    success: '已保存所属年度和报告日期',
  });
  if (!isAnnualItem(m.type)) return null;
  const report = m.type === 'democratic_life' ? democraticLifeReportCheck(m.reportedOn, new Date(m.startsAt)) : null;
  const heldYear = courtYearMonth(new Date(m.startsAt)).year;
  const editable = m.canManage && m.status !== 'closed' && m.status !== 'cancelled';
  return (
    <Descriptions size="small" column={1} className={styles.annualInfo}>
      <Descriptions.Item label="所属年度">{m.coveredYear ? `${String(m.coveredYear)}年度` : '—'}</Descriptions.Item>
      {report && (
        <Descriptions.Item label="向上级报告">
          <Typography.Text type={report.timing === 'onTime' ? 'success' : 'warning'} data-testid="report-timing">
            {REPORT_TIMING_LABELS[report.timing]}：{report.message}
          </Typography.Text>
        </Descriptions.Item>
      )}
      {editable && (
        <Descriptions.Item label="修改">
          <Form
            form={form}
            layout="inline"
            name="annual-info"
            initialValues={{ coveredYear: m.coveredYear ?? heldYear, reportedOn: dateValue(m.reportedOn) }}
            onFinish={save.save}
          >
            <Space wrap>
              <Form.Item name="coveredYear" label="所属年度">
                <Select options={[heldYear - 1, heldYear].map((y) => ({ value: y, label: `${String(y)}年度` }))} />
              </Form.Item>
              {m.type === 'democratic_life' && (
                <Form.Item name="reportedOn" label="报告日期">
                  <DatePicker />
                </Form.Item>
              )}
              <Button htmlType="submit" loading={save.saving}>
                保存
              </Button>
            </Space>
          </Form>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
