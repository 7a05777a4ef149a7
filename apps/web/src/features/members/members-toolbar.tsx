import {
  DownloadOutlined,
  MoreOutlined,
  PlusOutlined,
  PrinterOutlined,
  SafetyOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Space, type MenuProps } from 'antd';
import { useCan } from '../../platform/session.tsx';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { ExportButtons, useRosterExport } from './export-buttons.tsx';
import type { MemberFilters } from './members.queries.ts';

interface Props {
  filters: MemberFilters;
  onCreate: () => void;
  onImport: () => void;
  onPrint: () => void;
}

/** 新增 / 导入 / 导出 / 导出完整号码 / 打印; on a phone everything but 新增 folds into 更多. */
export function MembersToolbar({ filters, onCreate, onImport, onPrint }: Props) {
  const can = useCan();
  const isPhone = useIsPhone();
  const exporter = useRosterExport(filters);
  const create = can('people.manage') && (
    <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
      新增
    </Button>
  );

  if (isPhone) {
    const items: MenuProps['items'] = [];
    if (can('people.import')) items.push({ key: 'import', icon: <UploadOutlined />, label: '导入', onClick: onImport });
    if (exporter.canExport) {
      items.push({ key: 'export', icon: <DownloadOutlined />, label: '导出', onClick: exporter.exportMasked });
    }
    if (exporter.canExportFull) {
      items.push({ key: 'export-full', icon: <SafetyOutlined />, label: '导出完整号码', onClick: exporter.exportFull });
    }
    items.push({ key: 'print', icon: <PrinterOutlined />, label: '打印', onClick: onPrint });
    return (
      <Space className="no-print">
        {create}
        <Dropdown menu={{ items }} trigger={['click']}>
          <Button icon={<MoreOutlined />} loading={exporter.busy !== null}>
            更多
          </Button>
        </Dropdown>
      </Space>
    );
  }

  return (
    <Space wrap className="no-print">
      {create}
      {can('people.import') && (
        <Button icon={<UploadOutlined />} onClick={onImport}>
          导入
        </Button>
      )}
      <ExportButtons exporter={exporter} />
      <Button icon={<PrinterOutlined />} onClick={onPrint}>
        打印
      </Button>
    </Space>
  );
}
