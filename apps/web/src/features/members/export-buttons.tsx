import { useState } from 'react';
import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { api, errorMessage } from '../../platform/api.ts';
import { useCan } from '../../platform/session.tsx';
import type { MemberFilters } from './members-queries.ts';

/** 导出 (masked numbers) and, for those allowed to see them, 导出完整号码 — audited, so confirmed first. */
export function ExportButtons({ filters }: { filters: MemberFilters }) {
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

  if (!can('people.export')) return null;
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} loading={busy === 'masked'} onClick={() => void exportRoster(false)}>
        导出
      </Button>
      {can('people.pii.reveal') && (
        <Button
          icon={<SafetyOutlined />}
          loading={busy === 'full'}
          onClick={() => {
            modal.confirm({
              title: '导出完整号码',
              content:
                '导出的文件将包含完整的公民身份号码和联系电话。本次导出将被记录在审计日志中，请妥善保管文件，不得外传。',
              okText: '确认导出',
              cancelText: '取消',
              onOk: () => exportRoster(true),
            });
          }}
        >
          导出完整号码
        </Button>
      )}
    </Space>
  );
}
