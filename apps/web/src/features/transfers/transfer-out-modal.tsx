import { Alert, Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  DEFAULT_LETTER_VALIDITY_MONTHS,
  MAX_LETTER_VALIDITY_MONTHS,
  paidUpToLabel,
  type TransferItem,
} from '@qizhi/domain';
import { courtTodayValue, isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { PersonSelect } from '../members/person-select.tsx';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import styles from './transfers.module.css';
import { transfersApi } from './transfers.api.ts';
import { TRANSFERS_CHANGED, useTransferCheck } from './transfers.queries.ts';

interface Values {
  personId: string;
  where: 'inside' | 'outside';
  toOrgUnitId?: string;
  toName?: string;
  letterNo?: string;
  issuedOn: Dayjs;
  validMonths: number;
  note?: string;
  acknowledgeArrears?: boolean;
}

/**
 * 转出: the letter. Choosing the member shows their 党组织 and dues (paid up to, months in arrears);
 * a member in arrears is flagged and the letter needs the officer's confirmation. Inside the court the
 * member moves to the chosen 党组织; outside it they leave the roster (调出) and their account closes.
 */
export function TransferOutModal({
  open,
  onClose,
  onIssued,
}: {
  open: boolean;
  onClose: () => void;
  onIssued: (letter: TransferItem) => void;
}) {
  const [form] = Form.useForm<Values>();
  const personId = Form.useWatch('personId', form);
  const where = Form.useWatch('where', form);
  const check = useTransferCheck(open ? personId : null);
  const saver = useSave<Values, TransferItem>({
    form,
    save: (v) =>
      transfersApi.out({
        personId: v.personId,
        issuedOn: isoDate(v.issuedOn),
        validMonths: v.validMonths,
        ...(v.where === 'inside' ? { toOrgUnitId: v.toOrgUnitId! } : { toName: v.toName ?? '' }),
        ...(v.letterNo?.trim() ? { letterNo: v.letterNo.trim() } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        ...(v.acknowledgeArrears ? { acknowledgeArrears: true } : {}),
      }),
    invalidates: TRANSFERS_CHANGED,
    success: (t) => `已开具介绍信 ${t.letterNo}`,
    onSaved: (t) => {
      onClose();
      onIssued(t);
    },
  });
  const c = check.data;
  return (
    <FormModal
      open={open}
      title="转出：开具组织关系介绍信"
      form={form}
      saver={saver}
      onCancel={onClose}
      okText="开具"
      initialValues={{ where: 'inside', issuedOn: courtTodayValue(), validMonths: DEFAULT_LETTER_VALIDITY_MONTHS }}
    >
      <Form.Item name="personId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
        <PersonSelect />
      </Form.Item>
      {check.isError && <Alert type="error" showIcon title={check.error.message} className={styles.check} />}
      {c && (
        <Alert
          data-testid="transfer-check"
          className={styles.check}
          type={c.duesFlag ? 'warning' : 'info'}
          showIcon
          title={`现所在党组织：${c.orgUnitName ?? '未编入'}；党费交至：${paidUpToLabel(c.paidUpTo)}${c.arrearsMonths > 0 ? `，欠缴${String(c.arrearsMonths)}个月` : ''}`}
          description={c.duesFlag ?? undefined}
        />
      )}
      <Form.Item name="where" label="转往">
        <Radio.Group
          options={[
            { value: 'inside', label: '院内转接' },
            { value: 'outside', label: '转往院外' },
          ]}
        />
      </Form.Item>
      {where === 'outside' ? (
        <Form.Item
          name="toName"
          label="接收单位"
          extra="写党组织全称；开具后此人按“调出”办理离开，账号停用"
          rules={[{ required: true, whitespace: true, message: '请填写接收单位' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      ) : (
        <Form.Item name="toOrgUnitId" label="接收党组织" rules={[{ required: true, message: '请选择接收党组织' }]}>
          <OrgUnitSelect />
        </Form.Item>
      )}
      <Form.Item name="letterNo" label="介绍信编号" extra="不填按年度顺序自动编号">
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="issuedOn" label="开具日期" rules={[{ required: true, message: '请选择开具日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="validMonths" label="有效期" extra="一般不超过3个月；回执逾期未返回将提醒">
        <Select
          options={Array.from({ length: MAX_LETTER_VALIDITY_MONTHS }, (_, i) => ({
            value: i + 1,
            label: `${String(i + 1)}个月`,
          }))}
        />
      </Form.Item>
      {c?.duesFlag && (
        <Form.Item name="acknowledgeArrears" valuePropName="checked">
          <Checkbox>已知该党员欠缴党费，仍开具介绍信</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="note" label="说明">
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
