import { Table, type TableColumnType, type TableProps } from 'antd';
import { Link, useNavigate } from 'react-router';
import { AGE_BAND_LABELS, GENDER_LABELS, type MemberListItem, type MemberPage } from '@qizhi/domain';
import { LeftTag, RetiredTag, StatusTag } from './member-labels.tsx';
import type { MemberListParams, MemberSortField } from './members.queries.ts';
import { MEMBER_SORT_KEYS } from './members-search-params.ts';

type SortField = MemberSortField;
type SortOrder = TableColumnType<MemberListItem>['sortOrder'];

interface Props {
  data: MemberPage | undefined;
  loading: boolean;
  params: MemberListParams;
  onChange: (patch: MemberListParams) => void;
}

function sortOrderOf(params: MemberListParams, field: SortField): SortOrder {
  if (params.sort !== field) return null;
  return params.order === 'desc' ? 'descend' : 'ascend';
}

function isSortField(key: unknown): key is SortField {
  return MEMBER_SORT_KEYS.some((field) => field === key);
}

export function MembersTable({ data, loading, params, onChange }: Props) {
  const navigate = useNavigate();
  const sortable = (field: SortField) => ({ key: field, sorter: true, sortOrder: sortOrderOf(params, field) });

  const columns: TableProps<MemberListItem>['columns'] = [
    {
      title: '姓名',
      dataIndex: 'name',
      fixed: 'left',
      width: 96,
      ...sortable('name'),
      render: (name: string, member) => (
        <Link
          to={`/members/${member.id}`}
          onClick={(event) => {
            event.stopPropagation();
          }}
        >
          {name}
        </Link>
      ),
    },
    { title: '性别', dataIndex: 'gender', width: 60, render: (g: MemberListItem['gender']) => GENDER_LABELS[g] },
    {
      title: '出生日期',
      dataIndex: 'birthDate',
      ...sortable('birthDate'),
      // Without the reveal permission the server sends the age band only.
      render: (date: string | null, member) =>
        date
          ? `${date}${member.age === null ? '' : `（${String(member.age)}岁）`}`
          : member.ageBand
            ? AGE_BAND_LABELS[member.ageBand]
            : '—',
    },
    {
      title: '人员类别',
      dataIndex: 'status',
      ...sortable('status'),
      render: (_: unknown, member) => (
        <>
          <StatusTag status={member.status} />
          <RetiredTag retired={member.retired} />
          <LeftTag leftOn={member.leftOn} reason={member.leftReason} />
        </>
      ),
    },
    { title: '所在党组织', dataIndex: 'orgUnitName', render: (v: string | null) => v ?? '—' },
    {
      title: '所在部门',
      dataIndex: 'departmentName',
      ...sortable('department'),
      render: (v: string | null) => v ?? '—',
    },
    { title: '职务', dataIndex: 'position', render: (v: string | null) => v ?? '—' },
    { title: '入党时间', dataIndex: 'joinedOn', ...sortable('joinedOn'), render: (v: string | null) => v ?? '—' },
    { title: '公民身份号码', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
    // Kept in view at the right edge: the roster is read for whom to call.
    { title: '联系电话', dataIndex: 'phone', width: 130, fixed: 'right', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Table<MemberListItem>
      className="clickable-rows"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      onRow={(member) => ({
        onClick: () => {
          void navigate(`/members/${member.id}`);
        },
      })}
      pagination={{
        current: params.page ?? 1,
        pageSize: params.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => `共 ${String(total)} 人`,
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        const first = Array.isArray(sorter) ? sorter[0] : sorter;
        const sort = first?.order && isSortField(first.columnKey) ? first.columnKey : undefined;
        const order = sort ? (first?.order === 'descend' ? 'desc' : 'asc') : undefined;
        const pageSizeChanged = pagination.pageSize !== (params.pageSize ?? 20);
        onChange({
          sort,
          order,
          pageSize: pagination.pageSize,
          page: extra.action === 'sort' || pageSizeChanged ? 1 : pagination.current,
        });
      }}
    />
  );
}
