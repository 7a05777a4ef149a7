import { Button, DatePicker, Flex, Form, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { inCourtZone, type MeetingDetail } from '@qizhi/domain';

export interface OpinionValues {
  personId: string;
  stance: 'yes' | 'no' | 'abstain';
  submittedAt: Dayjs;
}

const STANCES = [
  { value: 'yes', label: '赞成' },
  { value: 'no', label: '反对' },
  { value: 'abstain', label: '弃权' },
];

/**
 * 书面意见: entitled members who could not come and handed in their opinion before the meeting
 * (counted in admission and confirmation votes only; the server checks each and says why not).
 */
export function WrittenOpinionsField({ meeting }: { meeting: MeetingDetail }) {
  const absent = meeting.attendees
    .filter((a) => a.voting && a.state !== 'present')
    .map((a) => ({ value: a.personId, label: a.name }));
  const dayBefore = inCourtZone(meeting.startsAt).subtract(1, 'day').hour(17).minute(0);
  return (
    <Form.List name="writtenOpinions">
      {(fields, { add, remove }) => (
        <Flex vertical gap="small">
          {fields.map((field) => (
            <Space key={field.key} wrap>
              <Form.Item
                name={[field.name, 'personId']}
                label="书面意见"
                rules={[{ required: true, message: '请选择提交人' }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={absent}
                  placeholder="未到会的党员"
                  aria-label="书面意见提交人"
                />
              </Form.Item>
              <Form.Item name={[field.name, 'stance']} rules={[{ required: true, message: '请选择意见' }]}>
                <Select options={STANCES} placeholder="意见" aria-label="书面意见" />
              </Form.Item>
              <Form.Item
                name={[field.name, 'submittedAt']}
                label="提交时间"
                rules={[{ required: true, message: '请选择提交时间' }]}
              >
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" aria-label="书面意见提交时间" />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label="删除书面意见" onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ stance: 'yes', submittedAt: dayBefore })}
            disabled={absent.length === 0}
          >
            添加会前书面意见
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
