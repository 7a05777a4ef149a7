import { useState } from 'react';
import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useCan } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { membersApi } from './members.api.ts';
import type { MemberFilters } from './members.queries.ts';

/** 导出 (masked numbers) and 导出完整号码 — audited, so confirmed first — for the current filters. */
export function useRosterExport(filters: MemberFilters) {
  const can = useCan();
  const { modal } = App.useApp();
  const [full, setFull] = useState(false);
  const exporting = useSave({
    save: (withFullNumbers: boolean) => membersApi.export(filters, withFullNumbers),
    success: (name) => `已导出：${name}`,
  });

  function exportRoster(withFullNumbers: boolean) {
    setFull(withFullNumbers);
    return exporting.saveAsync(withFullNumbers);
  }

  return {
    busy: exporting.saving ? (full ? 'full' : 'masked') : null,
    canExport: can('people.export'),
    canExportFull: can('people.export') && can('people.pii.reveal'),
    exportMasked: () => {
      void exportRoster(false);
    },
    exportFull: () => {
      modal.confirm({
        title: '导出完整号码',
        content:
          '导出的文件将包含完整的公民身份号码和联系电话。本次导出将被记录在审计日志中，请妥善保管文件，不得外传。',
        okText: '确认导出',
        cancelText: '取消',
        onOk: () => exportRoster(true),
      });
    },
  };
}

export function ExportButtons({ exporter }: { exporter: ReturnType<typeof useRosterExport> }) {
  return (
    <>
      {exporter.canExport && (
        <Button icon={<DownloadOutlined />} loading={exporter.busy === 'masked'} onClick={exporter.exportMasked}>
          导出
        </Button>
      )}
      {exporter.canExportFull && (
        <Button icon={<SafetyOutlined />} loading={exporter.busy === 'full'} onClick={exporter.exportFull}>
          导出完整号码
        </Button>
      )}
    </>
  );
}
