import { useState } from 'react';
import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { api, errorMessage } from '../../platform/api.ts';
import { useCan } from '../../platform/session.tsx';
import type { MemberFilters } from './members-queries.ts';

/** 导出 (masked numbers) and 导出完整号码 — audited, so confirmed first — for the current filters. */
export function useRosterExport(filters: MemberFilters) {
  const can = useCan();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<'masked' | 'full' | null>(null);

  async function exportRoster(full: boolean) {
    setBusy(full ? 'full' : 'masked');
    try {
      const name = await api.download('/api/members/export', { ...filters, full }, '党员花名册.xlsx');
      void message.success(`已导出：${name}`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  return {
    busy,
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
