import { useEffect, useState } from 'react';
import { FilterOutlined } from '@ant-design/icons';
import { Button, Col, Input, Row, Select } from 'antd';
import type { AgeBand, PersonStatus, RosterStanding } from '@qizhi/domain';
import ui from '../../platform/ui.module.css';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { useDepartments } from '../org/org.queries.ts';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { ageBandOptions, retiredOptions, standingOptions, statusOptions } from './member-labels.tsx';
import styles from './members.module.css';
import type { MemberFilters } from './members.queries.ts';

interface Props {
  value: MemberFilters;
  onChange: (patch: MemberFilters) => void;
  onReset: () => void;
}

const col = { xs: 24, sm: 12, md: 8, xl: 3 } as const;
// 在册/已离开 and the reset button are narrow: with them at 2 the row still fits 24 columns at 1440 px.
const narrow = { ...col, xl: 2 } as const;

export function MembersFilters({ value, onChange, onReset }: Props) {
  const departments = useDepartments();
  const isPhone = useIsPhone();
  const [expanded, setExpanded] = useState(false);
  const active = [
    value.standing === 'left' ? 'left' : undefined,
    value.status,
    value.retired,
    value.orgUnitId,
    value.departmentId,
    value.ageBand,
  ].filter((v) => v !== undefined).length;
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => {
    setQ(value.q ?? '');
  }, [value.q]);

  return (
    <Row gutter={[8, 8]} className={`no-print ${styles.filters}`} role="search" aria-label="筛选花名册">
      <Col flex={isPhone ? '1 1 0' : undefined} md={16} xl={5} className={styles.searchCol}>
        <Input.Search
          value={q}
          onChange={(event) => {
            setQ(event.target.value);
          }}
          onSearch={(text) => {
            onChange({ q: text.trim() || undefined });
          }}
          placeholder="姓名、身份证号、职务"
          allowClear
          enterButton="搜索"
          maxLength={50}
          aria-label="搜索"
        />
      </Col>
      {isPhone && (
        <Col flex="none">
          <Button
            icon={<FilterOutlined />}
            type={active ? 'primary' : 'default'}
            ghost={active > 0}
            aria-expanded={expanded}
            onClick={() => {
              setExpanded(!expanded);
            }}
          >
            筛选{active ? `（${String(active)}）` : ''}
          </Button>
        </Col>
      )}
      {(!isPhone || expanded) && (
        <>
          <Col {...narrow}>
            <Select<RosterStanding>
              value={value.standing ?? 'current'}
              onChange={(standing) => {
                onChange({ standing: standing === 'current' ? undefined : standing });
              }}
              options={standingOptions}
              className={ui.block}
              aria-label="在册或已离开"
            />
          </Col>
          <Col {...col}>
            <Select<PersonStatus>
              value={value.status}
              onChange={(status) => {
                onChange({ status });
              }}
              options={statusOptions}
              placeholder="人员类别"
              allowClear
              className={ui.block}
              aria-label="人员类别"
            />
          </Col>
          <Col {...col}>
            <Select<string>
              value={value.retired === undefined ? undefined : String(value.retired)}
              onChange={(retired: string | undefined) => {
                onChange({ retired: retired === undefined ? undefined : retired === 'true' });
              }}
              options={retiredOptions}
              placeholder="是否离退休"
              allowClear
              className={ui.block}
              aria-label="是否离退休"
            />
          </Col>
          <Col {...col}>
            <OrgUnitSelect
              value={value.orgUnitId}
              onChange={(orgUnitId) => {
                onChange({ orgUnitId: orgUnitId ?? undefined });
              }}
              placeholder="党组织/党小组"
              className={ui.block}
            />
          </Col>
          <Col {...col}>
            <Select<string>
              value={value.departmentId}
              onChange={(departmentId) => {
                onChange({ departmentId });
              }}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              loading={departments.isPending}
              placeholder="所在部门"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              className={ui.block}
              aria-label="所在部门"
            />
          </Col>
          <Col {...col}>
            <Select<AgeBand>
              value={value.ageBand}
              onChange={(ageBand) => {
                onChange({ ageBand });
              }}
              options={ageBandOptions}
              placeholder="年龄段"
              allowClear
              className={ui.block}
              aria-label="年龄段"
            />
          </Col>
          <Col {...narrow}>
            <Button onClick={onReset}>重置筛选</Button>
          </Col>
        </>
      )}
    </Row>
  );
}
