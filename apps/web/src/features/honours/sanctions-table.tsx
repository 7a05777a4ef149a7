import { App, Button, Table, Tag } from 'antd';
import { SANCTION_KIND_LABELS, SANCTION_LEVEL_LABELS, type Sanction } from '@qizhi/domain';
import { useCan } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { honoursApi } from './honours.api.ts';
import { RECOGNITION_CHANGED } from './honours.queries.ts';

export function SanctionsTable({ items, showPerson }: { items: Sanction[]; showPerson: boolean }) {
  const can = useCan();
  const { modal } = App.useApp();
  const removal = useSave({
    save: (s: Sanction) => honoursApi.deleteSanction(s.id),
    invalidates: RECOGNITION_CHANGED,
  });
  function remove(s: Sanction) {
    modal.confirm({
      title: '删除奖惩记录',
      content: `确认删除 ${s.personName} 的“${s.title}”吗？`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => removal.saveAsync(s),
    });
  }
  return (
    <Table<Sanction>
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 700 }}
      locale={{ emptyText: '没有奖惩记录' }}
      columns={[
        ...(showPerson ? [{ title: '姓名', dataIndex: 'personName', width: 90 }] : []),
        {
          title: '类别',
          dataIndex: 'kind',
          width: 90,
          render: (k: Sanction['kind']) => (
            <Tag color={k === 'commendation' ? 'red' : 'default'}>{SANCTION_KIND_LABELS[k]}</Tag>
          ),
        },
        { title: '名称', dataIndex: 'title', width: 110 },
        { title: '级别', dataIndex: 'level', width: 70, render: (l: Sanction['level']) => SANCTION_LEVEL_LABELS[l] },
        { title: '日期', dataIndex: 'decidedOn', width: 110 },
        { title: '事由', dataIndex: 'reason' },
        { title: '决定机关', dataIndex: 'issuedBy', width: 180 },
        ...(can('honours.manage')
          ? [
              {
                title: '',
                key: 'actions',
                width: 60,
                className: 'no-print',
                render: (_: unknown, s: Sanction) => (
                  <Button size="small" type="link" danger onClick={() => remove(s)}>
                    删除
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
