import { useState } from 'react';
import { Button, Checkbox, DatePicker, Form, Input, Modal, Skeleton, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { CLOCK_STATE_LABELS, VISIT_CATEGORY_LABELS, type Visit } from '@qizhi/domain';
import { dateValue, isoDate } from '../../platform/dates.ts';
import { FormProblem } from '../../platform/form-modal.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import ui from '../../platform/ui.module.css';
import { useSave } from '../../platform/use-save.ts';
import { receptionApi } from './reception.api.ts';
import styles from './reception.module.css';
import { receptionKey, useVisits } from './reception.queries.ts';
import { VisitFormDrawer } from './visit-form-drawer.tsx';

type Clock = NonNullable<Visit['clocks']>['accept'];
function ClockTag({ label, clock }: { label: string; clock: Clock }) {
  const late = clock.state === 'overdue' || clock.state === 'done_late';
  return (
    <div className={late ? styles.late : undefined}>
      {label} {clock.due} {CLOCK_STATE_LABELS[clock.state]}
    </div>
  );
}

interface ProgressValues {
  acceptedOn: Dayjs | null;
  extended: boolean;
  handledOn: Dayjs | null;
  feedback?: string;
}

function ProgressModal({ visit, onClose }: { visit: Visit | null; onClose: () => void }) {
  const [form] = Form.useForm<ProgressValues>();
  const saver = useSave({
    save: (v: ProgressValues) =>
      receptionApi.updateVisit(visit!.id, {
        acceptedOn: isoDate(v.acceptedOn),
        extended: v.extended,
        handledOn: isoDate(v.handledOn),
        feedback: v.feedback?.trim() || null,
      }),
    form,
    invalidates: [receptionKey],
    success: '已登记办理情况',
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <Modal
      open={visit !== null}
      title="办理情况"
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saver.saving}
      destroyOnHidden
    >
      <FormProblem problem={saver.problem} />
      {visit && (
        <Form<ProgressValues>
          form={form}
          layout="vertical"
          onFinish={saver.save}
          initialValues={{
            acceptedOn: dateValue(visit.acceptedOn),
            extended: visit.extended,
            handledOn: dateValue(visit.handledOn),
            feedback: visit.feedback ?? '',
          }}
        >
          <Form.Item name="acceptedOn" label="受理日期（15日内决定是否受理）">
            <DatePicker className={ui.block} />
          </Form.Item>
          <Form.Item name="extended" valuePropName="checked">
            <Checkbox>情况复杂，经批准延长30日</Checkbox>
          </Form.Item>
          <Form.Item name="handledOn" label="办结日期（受理后60日内）">
            <DatePicker className={ui.block} />
          </Form.Item>
          <Form.Item name="feedback" label="办理反馈">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** 来访登记: the year's visitors, numbers masked; the complaint clocks red when late. */
export function VisitsTab({ year }: { year: number }) {
  const can = useCan();
  const [page, setPage] = useState(1);
  const [overdue, setOverdue] = useState(false);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Visit | null>(null);
  const visits = useVisits(year, page, overdue);
  return (
    <>
      <Space className="no-print" wrap>
        {can('reception.manage') && (
          <Button type="primary" onClick={() => setAdding(true)}>
            登记来访
          </Button>
        )}
        <Checkbox
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.target.checked);
            setPage(1);
          }}
        >
          只看超期
        </Checkbox>
      </Space>
      {visits.isPending ? (
        <Skeleton active />
      ) : visits.isError ? (
        <QueryErrorAlert error={visits.error} />
      ) : (
        <Table<Visit>
          size="small"
          rowKey="id"
          dataSource={visits.data.items}
          pagination={{
            current: page,
            pageSize: 20,
            total: visits.data.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          scroll={{ x: 960 }}
          columns={[
            { title: '日期', dataIndex: 'receivedOn', width: 100 },
            { title: '来访人', dataIndex: 'visitorName', width: 90 },
            { title: '电话', dataIndex: 'visitorPhone', width: 120 },
            {
              title: '类别',
              dataIndex: 'category',
              width: 90,
              render: (c: Visit['category']) => <Tag>{VISIT_CATEGORY_LABELS[c]}</Tag>,
            },
            { title: '事项', dataIndex: 'matter' },
            { title: '承办部门', dataIndex: 'handlingDepartmentName', width: 110 },
            {
              title: '期限',
              key: 'clocks',
              width: 210,
              render: (_: unknown, v) =>
                v.clocks ? (
                  <>
                    <ClockTag label="受理" clock={v.clocks.accept} />
                    <ClockTag label="办结" clock={v.clocks.handle} />
                  </>
                ) : (
                  '当场答复'
                ),
            },
            ...(can('reception.manage')
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 80,
                    render: (_: unknown, v: Visit) => (
                      <Button size="small" onClick={() => setEditing(v)}>
                        办理
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <VisitFormDrawer open={adding} onClose={() => setAdding(false)} />
      <ProgressModal visit={editing} onClose={() => setEditing(null)} />
    </>
  );
}
