import { useState } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, List, Select, Tag } from 'antd';
import { CULTURE_ITEM_KIND_LABELS, SLIDE_SECONDS, type CultureItem, type Playlist } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { cultureWallApi } from './culture-wall.api.ts';
import { cultureKey, useCultureItems } from './culture-wall.queries.ts';

interface Values {
  name: string;
  secondsPerItem: number;
}
type Entry = { itemId: string; seconds: number | null };

const labelOf = (i: Pick<CultureItem, 'title' | 'body'>) => i.title || i.body.slice(0, 30);

/** 新建 / 修改 a playlist: its items in order, each shown the playlist's seconds or its own. */
export function PlaylistFormModal({ playlist, onClose }: { playlist: Playlist | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const items = useCultureItems();
  const byId = new Map((items.data?.items ?? []).map((i) => [i.id, i]));
  const [entries, setEntries] = useState<Entry[]>(
    playlist?.entries.map((e) => ({ itemId: e.itemId, seconds: e.seconds })) ?? [],
  );
  const move = (n: number, by: number) =>
    setEntries((list) => {
      const next = [...list];
      const [moved] = next.splice(n, 1);
      next.splice(n + by, 0, moved!);
      return next;
    });
  const saver = useSave({
    save: (v: Values) => {
      const body = { name: v.name.trim(), secondsPerItem: v.secondsPerItem, entries };
      return playlist ? cultureWallApi.updatePlaylist(playlist.id, body) : cultureWallApi.createPlaylist(body);
    },
    form,
    invalidates: [cultureKey],
    success: '播放列表已保存，播放它的屏幕将自动更新',
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormModal<Values>
      open
      title={playlist ? '修改播放列表' : '新建播放列表'}
      form={form}
      saver={saver}
      onCancel={onClose}
      width={760}
      initialValues={playlist ?? { name: '', secondsPerItem: 12 }}
    >
      <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="secondsPerItem" label="每条显示（秒）" rules={[{ required: true, message: '请填写秒数' }]}>
        <InputNumber min={SLIDE_SECONDS.min} max={SLIDE_SECONDS.max} precision={0} />
      </Form.Item>
      <Form.Item label="添加内容" extra="草稿也可编入，发布后才会在屏幕上显示">
        <Select
          showSearch
          value={null}
          placeholder="搜索并选择要添加的内容"
          aria-label="添加内容"
          optionFilterProp="label"
          loading={items.isPending}
          onChange={(itemId: string | null) => itemId && setEntries((list) => [...list, { itemId, seconds: null }])}
          options={(items.data?.items ?? []).map((i) => ({
            value: i.id,
            label: `【${CULTURE_ITEM_KIND_LABELS[i.kind]}】${labelOf(i)}${i.status === 'draft' ? '（草稿）' : ''}`,
          }))}
        />
      </Form.Item>
      <List
        size="small"
        bordered
        locale={{ emptyText: '还没有内容' }}
        dataSource={entries}
        renderItem={(e, n) => {
          const item = byId.get(e.itemId);
          return (
            <List.Item
              actions={[
                <InputNumber
                  key="s"
                  size="small"
                  min={SLIDE_SECONDS.min}
                  max={SLIDE_SECONDS.max}
                  precision={0}
                  placeholder="默认"
                  aria-label={`第${String(n + 1)}条秒数`}
                  value={e.seconds}
                  onChange={(v) =>
                    setEntries((list) => list.map((x, k) => (k === n ? { ...x, seconds: v ?? null } : x)))
                  }
                />,
                <Button
                  key="u"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={n === 0}
                  onClick={() => move(n, -1)}
                  aria-label="上移"
                />,
                <Button
                  key="d"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={n === entries.length - 1}
                  onClick={() => move(n, 1)}
                  aria-label="下移"
                />,
                <Button
                  key="x"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => setEntries((list) => list.filter((_, k) => k !== n))}
                  aria-label="移除"
                />,
              ]}
            >
              <Flex gap="small" wrap align="center">
                <span>{n + 1}.</span>
                {item && <Tag>{CULTURE_ITEM_KIND_LABELS[item.kind]}</Tag>}
                <span>{item ? labelOf(item) : '…'}</span>
                {item?.status === 'draft' && <Tag>草稿</Tag>}
              </Flex>
            </List.Item>
          );
        }}
      />
    </FormModal>
  );
}
