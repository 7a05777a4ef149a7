import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  DEFAULT_TERM_YEARS,
  ORG_CHILD_KINDS,
  ORG_KIND_LABELS,
  TERM_SETTING_RANGE,
  termIsSetting,
  termYearsOf,
  type CreateOrgUnitRequest,
  type OrgKind,
  type OrgUnit,
  type UpdateOrgUnitRequest,
} from '@qizhi/domain';
import { dateValue, isoDate } from '../../platform/dates.ts';
import { FormDrawer } from '../../platform/form-modal.tsx';
import { FormRows } from '../../platform/form-rows.tsx';
import ui from '../../platform/ui.module.css';
import { useSave } from '../../platform/use-save.ts';
import { PersonSelect, type PersonOption } from '../members/person-select.tsx';
import { leaderTitle } from './org-unit-detail.tsx';
import { orgApi } from './org.api.ts';
import styles from './org.module.css';
import { orgUnitsKey } from './org.queries.ts';

export type OrgDrawerState = { mode: 'create'; parent: OrgUnit } | { mode: 'edit'; unit: OrgUnit } | null;

interface OrgUnitFormValues {
  kind: OrgKind;
  name: string;
  secretaryPersonId?: string | null;
  committee?: { personId?: string; post?: string }[];
  establishedOn?: Dayjs | null;
  termStartedOn?: Dayjs | null;
  termYears?: number | null;
  sortOrder?: number | null;
}

function toFields(values: OrgUnitFormValues): UpdateOrgUnitRequest {
  return {
    name: values.name.trim(),
    secretaryPersonId: values.secretaryPersonId ?? null,
    committee: (values.committee ?? []).flatMap((seat) =>
      seat.personId && seat.post?.trim() ? [{ personId: seat.personId, post: seat.post.trim() }] : [],
    ),
    establishedOn: isoDate(values.establishedOn),
    termStartedOn: values.kind === 'cell' ? null : isoDate(values.termStartedOn),
    ...(termIsSetting(values.kind) ? { termYears: values.termYears ?? null } : {}),
    ...(values.sortOrder === null || values.sortOrder === undefined ? {} : { sortOrder: values.sortOrder }),
  };
}

/** Editing starts from the unit as it stands; a new unit from the first kind its parent may have. */
function openingOf(state: NonNullable<OrgDrawerState>): Partial<OrgUnitFormValues> {
  if (state.mode === 'create') return { kind: ORG_CHILD_KINDS[state.parent.kind][0], committee: [] };
  const u = state.unit;
  return {
    kind: u.kind,
    name: u.name,
    secretaryPersonId: u.secretaryPersonId,
    committee: u.committee.map((seat) => ({ personId: seat.personId, post: seat.post })),
    establishedOn: dateValue(u.establishedOn),
    termStartedOn: dateValue(u.termStartedOn),
    termYears: u.termYearsSetting,
    sortOrder: u.sortOrder,
  };
}

export function OrgUnitDrawer({ state, onClose }: { state: OrgDrawerState; onClose: () => void }) {
  const [form] = Form.useForm<OrgUnitFormValues>();
  const saver = useSave({
    save: async (values: OrgUnitFormValues) => {
      if (!state) return;
      if (state.mode === 'edit') {
        await orgApi.updateUnit(state.unit.id, toFields(values));
        return;
      }
      const body: CreateOrgUnitRequest = {
        ...toFields(values),
        name: values.name.trim(),
        kind: values.kind,
        parentId: state.parent.id,
      };
      await orgApi.createUnit(body);
    },
    form,
    invalidates: [orgUnitsKey],
    success: (_, values) => (state?.mode === 'edit' ? '已保存' : `已新增：${values.name.trim()}`),
    showError: 'alert',
    onSaved: onClose,
  });
  const kind = Form.useWatch('kind', form) as OrgKind | undefined;
  const editing = state?.mode === 'edit' ? state.unit : undefined;
  const childKinds = state?.mode === 'create' ? ORG_CHILD_KINDS[state.parent.kind] : [];

  const known: PersonOption[] = editing
    ? [
        ...(editing.secretaryPersonId && editing.secretaryName
          ? [{ value: editing.secretaryPersonId, label: editing.secretaryName }]
          : []),
        ...editing.committee.map((s) => ({ value: s.personId, label: s.name })),
      ]
    : [];

  const leader = leaderTitle({ kind: kind ?? 'branch' });
  return (
    <FormDrawer<OrgUnitFormValues>
      open={state !== null}
      title={state?.mode === 'edit' ? `编辑：${state.unit.name}` : state ? `在“${state.parent.name}”下新增组织` : ''}
      form={form}
      saver={saver}
      onClose={onClose}
      width={600}
      initialValues={state ? openingOf(state) : {}}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label="组织类别" rules={[{ required: true, message: '请选择组织类别' }]}>
            <Select
              disabled={state?.mode === 'edit'}
              options={(editing ? [editing.kind] : childKinds).map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="name"
            label="组织名称"
            rules={[{ required: true, whitespace: true, message: '请填写组织名称' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="secretaryPersonId" label={leader}>
            <PersonSelect knownOptions={known} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="establishedOn" label="成立时间">
            <DatePicker className={ui.block} />
          </Form.Item>
        </Col>
        {kind && termYearsOf(kind) !== null && (
          <Col xs={24} sm={12}>
            <Form.Item
              name="termStartedOn"
              label="本届任期开始"
              extra={
                termIsSetting(kind)
                  ? '届满日期按任期年数自动计算'
                  : `任期${String(termYearsOf(kind))}年，届满日期自动计算`
              }
            >
              <DatePicker className={ui.block} />
            </Form.Item>
          </Col>
        )}
        {kind && termIsSetting(kind) && (
          <Col xs={24} sm={12}>
            <Form.Item
              name="termYears"
              label="任期（年）"
              extra={`${ORG_KIND_LABELS[kind]}任期3至5年；不填按${String(DEFAULT_TERM_YEARS[kind])}年`}
            >
              <InputNumber
                min={TERM_SETTING_RANGE.min}
                max={TERM_SETTING_RANGE.max}
                precision={0}
                className={ui.block}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="sortOrder" label="排序号" extra="数字小的排在前面">
            <InputNumber min={0} max={10000} className={ui.block} />
          </Form.Item>
        </Col>
      </Row>
      <div className={styles.sectionTitle}>{kind === 'cell' ? '成员分工' : '委员会成员'}</div>
      <FormRows name="committee" newRow={{ post: '' }} addLabel="添加成员" removeLabel="移除">
        {(field) => (
          <>
            <Col flex="auto">
              <Form.Item name={[field.name, 'personId']} rules={[{ required: true, message: '请选择人员' }]}>
                <PersonSelect knownOptions={known} />
              </Form.Item>
            </Col>
            <Col flex="140px">
              <Form.Item name={[field.name, 'post']} rules={[{ required: true, message: '请填写职务' }]}>
                <Input placeholder="如：组织委员" maxLength={20} />
              </Form.Item>
            </Col>
          </>
        )}
      </FormRows>
    </FormDrawer>
  );
}
