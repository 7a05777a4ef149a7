import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { DepartmentsTab } from './departments-tab.tsx';
import { OrgUnitsTab } from './org-units-tab.tsx';
import styles from './org.module.css';

export default function OrgPage() {
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'departments' ? 'departments' : 'units';
  return (
    <Card>
      <h1 className={`page-title ${styles.title}`}>组织机构</h1>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setSearch(key === 'departments' ? { tab: key } : {}, { replace: true });
        }}
        items={[
          { key: 'units', label: '党组织', children: <OrgUnitsTab /> },
          { key: 'departments', label: '内设部门', children: <DepartmentsTab /> },
        ]}
      />
    </Card>
  );
}
