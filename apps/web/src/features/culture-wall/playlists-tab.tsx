import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Table } from 'antd';
import { formatCourtDateTime, type Playlist } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useSave } from '../../platform/use-save.ts';
import { cultureWallApi } from './culture-wall.api.ts';
import { cultureKey, usePlaylists } from './culture-wall.queries.ts';
import { PlaylistFormModal } from './playlist-form-modal.tsx';

export function PlaylistsTab() {
  const lists = usePlaylists();
  const [editing, setEditing] = useState<{ playlist: Playlist | null } | null>(null);
  const remove = useSave({
    save: (id: string) => cultureWallApi.deletePlaylist(id),
    invalidates: [cultureKey],
    success: '已删除',
  });
  return (
    <>
      <Flex wrap gap="small" className="page-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ playlist: null })}>
          新建播放列表
        </Button>
      </Flex>
      {lists.isError && <QueryErrorAlert error={lists.error} />}
      <Table<Playlist>
        rowKey="id"
        size="small"
        loading={lists.isFetching}
        dataSource={lists.data?.items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          {
            title: '内容',
            render: (_, p) =>
              `${String(p.entries.length)}条（已发布${String(p.entries.filter((e) => e.status === 'published').length)}条）`,
          },
          { title: '每条（秒）', dataIndex: 'secondsPerItem', width: 100 },
          { title: '屏幕', dataIndex: 'screenCount', width: 70 },
          { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (v: string) => formatCourtDateTime(v) },
          {
            title: '操作',
            width: 140,
            render: (_, p) => (
              <Flex gap="small">
                <Button size="small" type="link" onClick={() => setEditing({ playlist: p })}>
                  修改
                </Button>
                {p.screenCount === 0 && (
                  <Popconfirm title="删除这个播放列表？" onConfirm={() => remove.save(p.id)}>
                    <Button size="small" type="link" danger>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {editing && <PlaylistFormModal playlist={editing.playlist} onClose={() => setEditing(null)} />}
    </>
  );
}
