import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Segmented, Table, Tabs, Tag, Typography } from 'antd';
import {
  CULTURE_ITEM_KIND_LABELS,
  CULTURE_ITEM_KINDS,
  CULTURE_ITEM_STATUS_LABELS,
  formatCourtDateTime,
  type CultureItem,
  type CultureItemKind,
} from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useSave } from '../../platform/use-save.ts';
import { cultureWallApi } from './culture-wall.api.ts';
import { cultureKey, useCultureItems } from './culture-wall.queries.ts';
import { ItemFormModal } from './item-form-modal.tsx';
import { PlaylistsTab } from './playlists-tab.tsx';
import { ScreensTab } from './screens-tab.tsx';

function ItemsTab() {
  const [kind, setKind] = useState<CultureItemKind | 'all'>('all');
  const [editing, setEditing] = useState<{ item: CultureItem | null } | null>(null);
  const items = useCultureItems(kind === 'all' ? undefined : kind);
  const act = useSave({
    save: ({ id, step }: { id: string; step: 'publish' | 'unpublish' | 'delete' }): Promise<unknown> =>
      step === 'publish'
        ? cultureWallApi.publish(id)
        : step === 'unpublish'
          ? cultureWallApi.unpublish(id)
          : cultureWallApi.deleteItem(id),
    invalidates: [cultureKey],
    success: (_r, v) => ({ publish: '已发布', unpublish: '已撤下', delete: '已删除' })[v.step],
  });
  return (
    <>
      <Flex wrap gap="small" align="center" className="page-toolbar">
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          options={[
            { value: 'all', label: '全部' },
            ...CULTURE_ITEM_KINDS.map((k) => ({ value: k, label: CULTURE_ITEM_KIND_LABELS[k] })),
          ]}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ item: null })}>
          新增内容
        </Button>
      </Flex>
      {items.isError && <QueryErrorAlert error={items.error} />}
      <Table<CultureItem>
        rowKey="id"
        size="small"
        loading={items.isFetching}
        dataSource={items.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 880 }}
        columns={[
          {
            title: '类型',
            dataIndex: 'kind',
            width: 90,
            render: (k: CultureItemKind) => CULTURE_ITEM_KIND_LABELS[k],
          },
          {
            title: '内容',
            render: (_, i) => (
              <>
                {i.title && <Typography.Text strong>{i.title} </Typography.Text>}
                <Typography.Text>{i.body.length > 60 ? `${i.body.slice(0, 60)}…` : i.body}</Typography.Text>
                {i.source && <Typography.Text type="secondary">——{i.source}</Typography.Text>}
              </>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 80,
            render: (s: CultureItem['status']) => (
              <Tag color={s === 'published' ? 'green' : 'default'}>{CULTURE_ITEM_STATUS_LABELS[s]}</Tag>
            ),
          },
          { title: '播放列表', dataIndex: 'playlistCount', width: 90 },
          {
            title: '更新时间',
            dataIndex: 'updatedAt',
            width: 150,
            render: (v: string) => formatCourtDateTime(v),
          },
          {
            title: '操作',
            width: 180,
            render: (_, i) =>
              i.status === 'draft' ? (
                <Flex gap="small" wrap>
                  <Button size="small" type="link" onClick={() => act.save({ id: i.id, step: 'publish' })}>
                    发布
                  </Button>
                  <Button size="small" type="link" onClick={() => setEditing({ item: i })}>
                    修改
                  </Button>
                  {i.playlistCount === 0 && (
                    <Popconfirm title="删除这条内容？" onConfirm={() => act.save({ id: i.id, step: 'delete' })}>
                      <Button size="small" type="link" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  )}
                </Flex>
              ) : (
                <Popconfirm
                  title="撤下后各屏幕不再显示，可修改后重新发布。撤下？"
                  onConfirm={() => act.save({ id: i.id, step: 'unpublish' })}
                >
                  <Button size="small" type="link">
                    撤下
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {editing && <ItemFormModal open item={editing.item} onClose={() => setEditing(null)} />}
    </>
  );
}

/** 文化墙 · 廉政文化教育长廊: what the corridor screens and the lobby kiosk show, and in which order. */
export default function CultureWallPage() {
  return (
    <Card>
      <h1 className="page-title">文化墙 · 廉政文化教育长廊</h1>
      <Typography.Paragraph type="secondary">
        内容发布后才会在屏幕上显示；屏幕按播放列表的顺序轮播，修改播放列表后屏幕自动更新，无需刷新。
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'items', label: '内容', children: <ItemsTab /> },
          { key: 'playlists', label: '播放列表', children: <PlaylistsTab /> },
          { key: 'screens', label: '屏幕', children: <ScreensTab /> },
        ]}
      />
    </Card>
  );
}
