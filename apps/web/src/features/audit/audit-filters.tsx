import { useEffect } from 'react';
import { Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditQuery } from '@qizhi/domain';
import { dateValue, isoDate } from '../../platform/dates.ts';
import ui from '../../platform/ui.module.css';
import styles from './audit.module.css';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const ACTION_OPTIONS = options(AUDIT_ACTIONS);
const ENTITY_OPTIONS = options(AUDIT_ENTITIES);

export type AuditFilters = Pick<Partial<AuditQuery>, 'action' | 'actor' | 'entity' | 'from' | 'to'>;

interface FilterForm {
  action?: string;
  actor?: string;
  entity?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function AuditFiltersBar({
  value,
  onChange,
}: {
  value: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}) {
  const [form] = Form.useForm<FilterForm>();

  useEffect(() => {
    form.setFieldsValue({
      action: value.action,
      actor: value.actor,
      entity: value.entity,
      range: value.from || value.to ? [dateValue(value.from), dateValue(value.to)] : null,
    });
  }, [value, form]);

  function submit(values: FilterForm) {
    const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
    onChange({
      action: text(values.action),
      actor: text(values.actor),
      entity: text(values.entity),
      from: isoDate(values.range?.[0]) ?? undefined,
      to: isoDate(values.range?.[1]) ?? undefined,
    });
  }

  return (
    <Form<FilterForm> form={form} onFinish={submit} className={styles.filters}>
      <Row gutter={[8, 0]}>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="action" className={styles.field}>
            <Select
              placeholder="动作"
              allowClear
              showSearch
              optionFilterProp="label"
              options={ACTION_OPTIONS}
              aria-label="动作"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={4}>
          <Form.Item name="actor" className={styles.field}>
            <Input placeholder="操作人" allowClear aria-label="操作人" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={4}>
          <Form.Item name="entity" className={styles.field}>
            <Select
              placeholder="对象类型"
              allowClear
              showSearch
              optionFilterProp="label"
              options={ENTITY_OPTIONS}
              aria-label="对象类型"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={7}>
          <Form.Item name="range" className={styles.field}>
            <DatePicker.RangePicker className={ui.block} allowEmpty={[true, true]} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={4}>
          <Button type="primary" htmlType="submit" className={styles.submit}>
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            重置
          </Button>
        </Col>
      </Row>
    </Form>
  );
}
