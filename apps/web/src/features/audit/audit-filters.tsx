import { useEffect } from 'react';
import { Button, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditQuery } from '@qizhi/domain';

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
      range: value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null,
    });
  }, [value, form]);

  function submit(values: FilterForm) {
    const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
    onChange({
      action: text(values.action),
      actor: text(values.actor),
      entity: text(values.entity),
      from: values.range?.[0]?.format('YYYY-MM-DD'),
      to: values.range?.[1]?.format('YYYY-MM-DD'),
    });
  }

  return (
    <Form<FilterForm> form={form} onFinish={submit} style={{ marginBottom: 16 }}>
      <Row gutter={[8, 0]}>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="action" style={{ marginBottom: 8 }}>
            <Input placeholder="动作，如 member.update" allowClear aria-label="动作" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={4}>
          <Form.Item name="actor" style={{ marginBottom: 8 }}>
            <Input placeholder="操作人" allowClear aria-label="操作人" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={4}>
          <Form.Item name="entity" style={{ marginBottom: 8 }}>
            <Input placeholder="对象类型" allowClear aria-label="对象类型" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={7}>
          <Form.Item name="range" style={{ marginBottom: 8 }}>
            <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={4}>
          <Button type="primary" htmlType="submit" style={{ marginRight: 8 }}>
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
