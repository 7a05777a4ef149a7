import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Popconfirm, Select, Switch, Table, Tag } from 'antd';
import type { CultureScreen } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useSave } from '../../platform/use-save.ts';
import { cultureWallApi } from './culture-wall.api.ts';
import { cultureKey, usePlaylists, useScreens } from './culture-wall.queries.ts';

interface Values {
  name: string;
  location: string;
  playlistId: string | null;
  kiosk: boolean;
}

function ScreenFormModal({ screen, onClose }: { screen: CultureScreen | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const lists = usePlaylists();
  const saver = useSave({
    save: (v: Values) => {
      const body = {
        name: v.name.trim(),
        location: (v.location ?? '').trim(),
        playlistId: v.playlistId ?? null,
        kiosk: v.kiosk,
      };
      return screen ? cultureWallApi.updateScreen(screen.id, body) : cultureWallApi.createScreen(body);
    },
    form,
    invalidates: [cultureKey],
    success: '屏幕已保存',
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormModal<Values>
      open
      title={screen ? '修改屏幕' : '登记屏幕'}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={screen ?? { name: '', location: '', playlistId: null, kiosk: false }}
    >
      <Form.Item name="name" label="屏幕名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
        <Input maxLength={40} placeholder="如：二楼廉政长廊1号屏" />
      </Form.Item>
      <Form.Item name="location" label="位置">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="playlistId" label="播放列表">
        <Select
          allowClear
          placeholder="选择播放列表"
          options={(lists.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item
        name="kiosk"
        label="大厅触摸屏播放此屏的列表"
        valuePropName="checked"
        extra="全院只有一个；触摸屏首页显示“廉政文化”"
      >
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

/** The corridor screens: each opens its display page (no sign-in) in full screen on the screen's browser. */
export function ScreensTab() {
  const screens = useScreens();
  const [editing, setEditing] = useState<{ screen: CultureScreen | null } | null>(null);
  const remove = useSave({
    save: (id: string) => cultureWallApi.deleteScreen(id),
    invalidates: [cultureKey],
    success: '已删除',
  });
  return (
    <>
      <Flex wrap gap="small" className="page-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ screen: null })}>
          登记屏幕
        </Button>
      </Flex>
      {screens.isError && <QueryErrorAlert error={screens.error} />}
      <Table<CultureScreen>
        rowKey="id"
        size="small"
        loading={screens.isFetching}
        dataSource={screens.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          {
            title: '屏幕',
            render: (_, s) => (
              <>
                {s.name} {s.kiosk && <Tag color="red">大厅触摸屏</Tag>}
              </>
            ),
          },
          { title: '位置', dataIndex: 'location' },
          { title: '播放列表', dataIndex: 'playlistName', render: (v: string | null) => v ?? '（未设置）' },
          {
            title: '显示页面',
            render: (_, s) => (
              <a href={s.displayUrl} target="_blank" rel="noreferrer">
                打开显示页面
              </a>
            ),
          },
          {
            title: '操作',
            width: 140,
            render: (_, s) => (
              <Flex gap="small">
                <Button size="small" type="link" onClick={() => setEditing({ screen: s })}>
                  修改
                </Button>
                <Popconfirm title="删除这块屏幕？" onConfirm={() => remove.save(s.id)}>
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      {editing && <ScreenFormModal screen={editing.screen} onClose={() => setEditing(null)} />}
    </>
  );
}
