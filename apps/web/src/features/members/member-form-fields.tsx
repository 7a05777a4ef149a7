import { Col, DatePicker, Form, Input, Row, Select, Switch, type FormInstance } from 'antd';
import {
  findIdNumberProblem,
  ID_NUMBER_PROBLEM_MESSAGES,
  isValidPhone,
  parseIdBirthDate,
  type DevelopmentFactField,
  type PersonStatus,
} from '@qizhi/domain';
import { dateValue } from '../../platform/dates.ts';
import ui from '../../platform/ui.module.css';
import { useDepartments } from '../org/org.queries.ts';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { educationOptions, genderOptions, statusOptions } from './member-labels.tsx';
import { MemberDisciplineFields } from './member-discipline-fields.tsx';
import { MemberRecordFields } from './member-record-fields.tsx';
import type { MemberFormValues } from './member-form-values.ts';

const half = { xs: 24, sm: 12 } as const;

function validateIdNumber(_: unknown, value: string | undefined): Promise<void> {
  const text = value?.trim() ?? '';
  const problem = text ? findIdNumberProblem(text) : null;
  return problem ? Promise.reject(new Error(ID_NUMBER_PROBLEM_MESSAGES[problem])) : Promise.resolve();
}

function validatePhone(_: unknown, value: string | undefined): Promise<void> {
  const text = value?.trim() ?? '';
  return text && !isValidPhone(text)
    ? Promise.reject(new Error('联系电话应为11位手机号或带区号的固定电话'))
    : Promise.resolve();
}

/** A valid ID number already says the birthday and the sex: fill them in when still empty. */
function fillFromIdNumber(form: FormInstance<MemberFormValues>, raw: string) {
  const id = raw.trim().toUpperCase();
  if (findIdNumberProblem(id)) return;
  const birth = parseIdBirthDate(id);
  if (birth && !form.getFieldValue('birthDate')) form.setFieldValue('birthDate', dateValue(birth));
  if (!form.getFieldValue('gender')) form.setFieldValue('gender', Number(id[16]) % 2 === 1 ? 'male' : 'female');
}

export function MemberFormFields({
  form,
  maskedIdNumber,
  maskedPhone,
  fromDevelopment,
}: {
  form: FormInstance<MemberFormValues>;
  maskedIdNumber?: string | null;
  maskedPhone?: string | null;
  /** The fields the person's development steps answer (read-only here). */
  fromDevelopment?: readonly DevelopmentFactField[];
}) {
  const departments = useDepartments();
  const status: PersonStatus | undefined = Form.useWatch('status', form);
  const retired: boolean | undefined = Form.useWatch('retired', form);
  const joined = status === 'full' || status === 'probationary';
  const keepHint = (masked: string | null | undefined) => (masked ? `当前：${masked}；不修改请留空` : undefined);

  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={30} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="status" label="人员类别" rules={[{ required: true, message: '请选择人员类别' }]}>
          <Select options={statusOptions} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="idNumber"
          label="公民身份号码"
          rules={[{ validator: validateIdNumber }]}
          extra={keepHint(maskedIdNumber)}
        >
          <Input
            maxLength={18}
            autoComplete="off"
            onBlur={(event) => {
              fillFromIdNumber(form, event.target.value);
            }}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="phone" label="联系电话" rules={[{ validator: validatePhone }]} extra={keepHint(maskedPhone)}>
          <Input maxLength={20} autoComplete="off" inputMode="tel" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="email"
          label="电子邮箱"
          rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}
          extra="以电子邮件发送的会议通知和提醒发到此地址"
        >
          <Input maxLength={100} autoComplete="off" inputMode="email" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="gender" label="性别">
          <Select options={genderOptions} allowClear />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="birthDate" label="出生日期">
          <DatePicker className={ui.block} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="ethnicity" label="民族">
          <Input maxLength={20} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="education" label="学历">
          <Select options={educationOptions} allowClear />
        </Form.Item>
      </Col>
      {joined && (
        <Col {...half}>
          <Form.Item name="joinedOn" label="入党时间">
            <DatePicker className={ui.block} />
          </Form.Item>
        </Col>
      )}
      {status === 'full' && (
        <Col {...half}>
          <Form.Item name="confirmedOn" label="转正时间">
            <DatePicker className={ui.block} />
          </Form.Item>
        </Col>
      )}
      <Col {...half}>
        <Form.Item name="orgUnitId" label="所在党组织/党小组">
          <OrgUnitSelect />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="departmentId" label="所在部门">
          <Select
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            loading={departments.isPending}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="position" label="职务">
          <Input maxLength={40} placeholder="如：审判员、书记员" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="partyPosts" label="党内职务">
          <Input maxLength={60} placeholder="如：支部组织委员" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="retired" label="离退休" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Col>
      {retired && (
        <Col {...half}>
          <Form.Item name="retiredOn" label="离退休时间">
            <DatePicker className={ui.block} />
          </Form.Item>
        </Col>
      )}
      {joined && <MemberDisciplineFields />}
      <MemberRecordFields joined={joined} fromDevelopment={fromDevelopment} />
      <Col span={24}>
        <Form.Item name="notes" label="备注">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} showCount />
        </Form.Item>
      </Col>
    </Row>
  );
}
