import { DatePicker, Form, Input, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { VISIT_CATEGORIES, VISIT_CATEGORY_LABELS, type VisitCategory } from '@qizhi/domain';
import { courtTodayValue, isoDate } from '../../platform/dates.ts';
import { FormDrawer } from '../../platform/form-modal.tsx';
import ui from '../../platform/ui.module.css';
import { useSave } from '../../platform/use-save.ts';
import { useDepartments } from '../org/org.queries.ts';
import { receptionApi } from './reception.api.ts';
import { receptionKey } from './reception.queries.ts';

interface Values {
  receivedOn: Dayjs;
  visitorName: string;
  visitorPhone?: string;
  visitorIdNumber?: string;
  matter: string;
  category: VisitCategory;
  caseNumber?: string;
  answer?: string;
  needsHandling: boolean;
  handlingDepartmentId?: string;
}

/** 登记来访: the visitor, the matter, what was answered, and whether it goes to a department. */
export function VisitFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const needsHandling = Form.useWatch('needsHandling', form);
  const departments = useDepartments();
  const saver = useSave({
    save: (v: Values) =>
      receptionApi.createVisit({
        receivedOn: isoDate(v.receivedOn),
        visitorName: v.visitorName.trim(),
        visitorPhone: v.visitorPhone?.trim() || null,
        visitorIdNumber: v.visitorIdNumber?.trim() || null,
        matter: v.matter.trim(),
        category: v.category,
        caseNumber: v.caseNumber?.trim() || null,
        answer: v.answer?.trim() ?? '',
        needsHandling: v.needsHandling,
        handlingDepartmentId: v.needsHandling ? (v.handlingDepartmentId ?? null) : null,
        rotaId: null,
      }),
    form,
    invalidates: [receptionKey],
    success: '已登记来访',
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormDrawer<Values>
      open={open}
      title="登记来访"
      form={form}
      saver={saver}
      onClose={onClose}
      width={560}
      initialValues={{ receivedOn: courtTodayValue(), category: 'consultation', needsHandling: false }}
    >
      <Form.Item name="receivedOn" label="来访日期" rules={[{ required: true, message: '请选择来访日期' }]}>
        <DatePicker className={ui.block} />
      </Form.Item>
      <Form.Item
        name="visitorName"
        label="来访人"
        rules={[{ required: true, whitespace: true, message: '请填写来访人姓名' }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="visitorPhone" label="联系电话（仅用于联系反馈，遮盖显示）">
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
      <Form.Item name="visitorIdNumber" label="身份证号（仅用于核实身份，遮盖显示）">
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="category" label="类别">
        <Select options={VISIT_CATEGORIES.map((c) => ({ value: c, label: VISIT_CATEGORY_LABELS[c] }))} />
      </Form.Item>
      <Form.Item
        name="matter"
        label="来访事项"
        rules={[{ required: true, whitespace: true, message: '请填写来访事项' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="caseNumber" label="相关案号">
        <Input maxLength={60} placeholder="如：（2026）晋1026民初123号" />
      </Form.Item>
      <Form.Item name="answer" label="当场答复">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="needsHandling" label="需要交办" valuePropName="checked">
        <Switch />
      </Form.Item>
      {needsHandling && (
        <Form.Item name="handlingDepartmentId" label="承办部门" rules={[{ required: true, message: '请选择承办部门' }]}>
          <Select options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
