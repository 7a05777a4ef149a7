import { useState } from 'react';
import { Card, InputNumber, Space, Tabs } from 'antd';
import { courtYear } from '@qizhi/domain';
import { PledgesTab } from './pledges-tab.tsx';
import { RotaTab } from './rota-tab.tsx';
import { StatsTab } from './stats-tab.tsx';
import { VisitsTab } from './visits-tab.tsx';

/** 院领导挂牌接访: the rota, the visits with their clocks, the statistics and the service pledges. */
export default function ReceptionPage() {
  const [year, setYear] = useState(courtYear());
  return (
    <Card>
      <div className="page-toolbar">
        <h1 className="page-title">领导接访与服务承诺</h1>
        <Space>
          年度
          <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
      </div>
      <Tabs
        items={[
          { key: 'visits', label: '来访登记', children: <VisitsTab year={year} /> },
          { key: 'rota', label: '接访值班表', children: <RotaTab year={year} /> },
          { key: 'stats', label: '统计', children: <StatsTab year={year} /> },
          { key: 'pledges', label: '服务承诺', children: <PledgesTab /> },
        ]}
      />
    </Card>
  );
}
