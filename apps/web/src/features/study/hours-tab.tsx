import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Progress, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { courtYear, STUDY_ROLE_LABELS, type StudyHoursItem } from '@qizhi/domain';
import { PrintButton } from '../../platform/print-button.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { YearSelect } from '../goals/year-select.tsx';
import { useOrgUnits } from '../org/org.queries.ts';
import { studyApi, type HoursParams } from './study.api.ts';
import { useStudyHours } from './study.queries.ts';
import styles from './study.module.css';

export function HoursProgress({ earned, required }: { earned: number; required: number }) {
  if (required === 0) return <span>{earned} 学时（无要求）</span>;
  return (
    <Progress
      className={styles.progress}
      percent={Math.min(100, Math.round((earned / required) * 100))}
      format={() => `${String(earned)}/${String(required)}`}
      status={earned >= required ? 'success' : 'normal'}
      size="small"
    />
  );
}

/** 学时台账: each person's hours against the requirement; the secretary's list of who is behind. */
export function HoursTab() {
  const [year, setYear] = useState(courtYear());
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>();
  const [behindOnly, setBehindOnly] = useState(false);
  const params: HoursParams = { year, ...(orgUnitId ? { orgUnitId } : {}), ...(behindOnly ? { behind: 'true' } : {}) };
  const hours = useStudyHours(params);
  const units = useOrgUnits();
  return (
    <Card size="small">
      <Flex wrap gap="small" align="center" className={styles.toolbar}>
        <YearSelect value={year} onChange={setYear} />
        <Select
          allowClear
          placeholder="全部组织"
          value={orgUnitId}
          onChange={setOrgUnitId}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          aria-label="党组织"
        />
        <Checkbox checked={behindOnly} onChange={(e) => setBehindOnly(e.target.checked)}>
          只看落后于进度的
        </Checkbox>
        <Button icon={<DownloadOutlined />} onClick={() => void studyApi.downloadHours(params)}>
          导出 Excel
        </Button>
        <PrintButton />
      </Flex>
      {hours.isError && <QueryErrorAlert error={hours.error} />}
      {hours.data && (
        <Typography.Paragraph type="secondary">
          {hours.data.year}年度学习教育学时台账 · 本年度还剩 {hours.data.monthsLeft} 个月 · 落后于进度{' '}
          {hours.data.items.filter((i) => i.behind).length} 人（进度：应修学时按月平均，截至上月末）
        </Typography.Paragraph>
      )}
      <Table<StudyHoursItem>
        rowKey="personId"
        size="small"
        loading={hours.isFetching}
        dataSource={hours.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (name: string, i) => <Link to={`/study/hours/${i.personId}?year=${String(year)}`}>{name}</Link>,
          },
          { title: '党组织', dataIndex: 'orgUnitName', render: (v: string | null) => v ?? '—' },
          { title: '类别', dataIndex: 'role', render: (r: StudyHoursItem['role']) => STUDY_ROLE_LABELS[r] },
          { title: '应修', dataIndex: 'required' },
          { title: '已修', dataIndex: 'earned', sorter: (a, b) => a.earned - b.earned },
          { title: '进度应修', dataIndex: 'pace' },
          { title: '完成情况', render: (_, i) => <HoursProgress earned={i.earned} required={i.required} /> },
          {
            title: '',
            render: (_, i) =>
              i.behind ? <Tag color="warning">落后{Math.round((i.pace - i.earned) * 10) / 10}学时</Tag> : null,
          },
        ]}
      />
    </Card>
  );
}
