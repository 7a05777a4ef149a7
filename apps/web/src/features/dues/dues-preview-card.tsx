import { useState } from 'react';
import { Button, Card, Form, InputNumber, Select, Space } from 'antd';
import { DUES_CATEGORIES, DUES_CATEGORY_LABELS, type DuesCategory, type DuesPreview } from '@qizhi/domain';
import { useSave } from '../../platform/use-save.ts';
import { duesApi } from './dues.api.ts';
import styles from './dues.module.css';

interface Values {
  category: DuesCategory;
  base?: number;
}

/** 党费试算: the same rule as every sheet, on the server. */
export function DuesPreviewCard() {
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<DuesPreview>();
  const preview = useSave<Values, DuesPreview>({
    form,
    save: (v) => duesApi.preview({ category: v.category, ...(v.base == null ? {} : { base: String(v.base) }) }),
    onSaved: setResult,
  });
  return (
    <Card title="党费试算" size="small">
      <Form form={form} layout="inline" initialValues={{ category: 'in_service' }} onFinish={preview.save}>
        <Form.Item name="category" label="类别">
          <Select
            className={styles.wide}
            options={DUES_CATEGORIES.map((c) => ({ value: c, label: DUES_CATEGORY_LABELS[c] }))}
          />
        </Form.Item>
        <Form.Item name="base" label="基数（元）">
          <InputNumber min={0} precision={2} step={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={preview.saving}>
          试算
        </Button>
      </Form>
      <PreviewResult value={result} />
    </Card>
  );
}

function PreviewResult({ value }: { value: DuesPreview | undefined }) {
  if (!value) return null;
  return (
    <Space className={styles.totals} data-testid="dues-preview-result">
      <span>比例：{value.rateLabel}</span>
      <span className={styles.result}>每月 {value.amount} 元</span>
    </Space>
  );
}
