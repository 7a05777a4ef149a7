import { useEffect } from 'react';
import { DatePicker, Form, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  courtYearMonth,
  coveredYearDefault,
  democraticLifeReportCheck,
  DEMOCRATIC_LIFE_REPORT_DAYS,
  isAnnualItem,
  REPORT_TIMING_LABELS,
  type MeetingType,
} from '@qizhi/domain';
import { isoDate } from '../../platform/dates.ts';
import { PersonSelect } from '../members/person-select.tsx';

/** The plan's fields that only some types have. */
export interface TypeFieldValues {
  coveredYear?: number | null;
  reportedOn?: Dayjs | null;
  talkPersonId?: string | null;
}

/** What these fields add to the plan's request. */
export function typeFieldsRequest(type: MeetingType, values: TypeFieldValues) {
  return {
    ...(isAnnualItem(type) && values.coveredYear ? { coveredYear: values.coveredYear } : {}),
    ...(type === 'democratic_life' ? { reportedOn: isoDate(values.reportedOn) } : {}),
    ...(type === 'talk' && values.talkPersonId ? { talkPersonIds: [values.talkPersonId] } : {}),
  };
}

/**
 * 所属年度 for a 组织生活会 or 民主生活会 (prefilled: held in January or February, the year before),
 * the 民主生活会's report to the level above (10–15 days ahead, the timing shown), and whom a 谈心谈话
 * is with. Must sit inside the plan's Form.
 */
export function PlanTypeFields() {
  const form = Form.useFormInstance<TypeFieldValues & { type?: MeetingType; startsAt?: string }>();
  const type = Form.useWatch('type', form);
  const startsAt = Form.useWatch('startsAt', form);
  const reportedOn = Form.useWatch<Dayjs | null | undefined>('reportedOn', form);
  const start = startsAt ? new Date(startsAt) : null;
  const annual = !!type && isAnnualItem(type);
  useEffect(() => {
    if (!annual || !startsAt || form.isFieldTouched('coveredYear')) return;
    form.setFieldValue('coveredYear', coveredYearDefault(type, new Date(startsAt)));
  }, [annual, type, startsAt, form]);

  if (!type) return null;
  const heldYear = start ? courtYearMonth(start).year : null;
  const report = start && reportedOn ? democraticLifeReportCheck(isoDate(reportedOn), start) : null;
  return (
    <>
      {annual && heldYear !== null && (
        <Form.Item
          name="coveredYear"
          label="所属年度"
          extra="年度会议计入其所属年度；1、2月召开的一般计入上一年度"
          rules={[{ required: true, message: '请选择所属年度' }]}
        >
          <Select options={[heldYear - 1, heldYear].map((y) => ({ value: y, label: `${String(y)}年度` }))} />
        </Form.Item>
      )}
      {type === 'democratic_life' && (
        <Form.Item
          name="reportedOn"
          label="向上级报告日期"
          extra={
            report ? (
              <Typography.Text type={report.timing === 'onTime' ? 'success' : 'warning'}>
                {REPORT_TIMING_LABELS[report.timing]}：{report.message}
              </Typography.Text>
            ) : (
              `会议时间和主题应于会前${String(DEMOCRATIC_LIFE_REPORT_DAYS.min)}至${String(DEMOCRATIC_LIFE_REPORT_DAYS.max)}天报告上级党组织`
            )
          }
        >
          <DatePicker placeholder="报告日期" />
        </Form.Item>
      )}
      {type === 'talk' && (
        <Form.Item
          name="talkPersonId"
          label="谈话对象"
          extra="谈话人为主持人；谈心谈话按人员结对统计"
          rules={[{ required: true, message: '请选择谈话对象' }]}
        >
          <PersonSelect />
        </Form.Item>
      )}
    </>
  );
}
