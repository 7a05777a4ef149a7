import { useState } from 'react';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tag, type TableProps } from 'antd';
import { DEPARTMENT_KIND_LABELS, type Department, type DepartmentKind } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import ui from '../../platform/ui.module.css';
import { useSave } from '../../platform/use-save.ts';
import { DepartmentModal, type DepartmentModalState } from './department-modal.tsx';
import { orgApi } from './org.api.ts';
import { departmentsKey, useDepartments } from './org.queries.ts';

const KIND_COLORS: Record<DepartmentKind, string> = {
  trial: 'red',
  tribunal: 'green',
  enforcement: 'orange',
  support: 'blue',
};

export function DepartmentsTab() {
  const can = useCan();
  const manage = can('org.manage');
  const departments = useDepartments();
  const [modal, setModal] = useState<DepartmentModalState>(null);
  const remove = useSave({
    save: (department: Department) => orgApi.deleteDepartment(department.id),
    invalidates: [departmentsKey],
    success: (_, department) => `已删除：${department.name}`,
  });

  const columns: TableProps<Department>['columns'] = [
    { title: '部门名称', dataIndex: 'name' },
    {
      title: '类别',
      dataIndex: 'kind',
      render: (kind: DepartmentKind) => <Tag color={KIND_COLORS[kind]}>{DEPARTMENT_KIND_LABELS[kind]}</Tag>,
    },
    { title: '干警人数', dataIndex: 'staffCount', align: 'right' },
    { title: '党员人数', dataIndex: 'memberCount', align: 'right' },
  ];
  if (manage) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_: unknown, department) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => {
              setModal({ mode: 'edit', department });
            }}
          >
            编辑
          </Button>
          <Popconfirm
            title={`删除“${department.name}”？`}
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => {
              remove.save(department);
            }}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  if (departments.isError) return <QueryErrorAlert error={departments.error} />;
  return (
    <>
      {manage && (
        <div className={ui.above}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setModal({ mode: 'create' });
            }}
          >
            新增部门
          </Button>
        </div>
      )}
      <Table<Department>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={departments.data}
        loading={departments.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <DepartmentModal
        state={modal}
        onClose={() => {
          setModal(null);
        }}
      />
    </>
  );
}
