import { DatePicker, TimePicker, type DatePickerProps, type TimePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

// `HH:mm` alone is no ISO string: it is read by its format.
dayjs.extend(customParseFormat);

type DayProps = Omit<DatePickerProps, 'value' | 'onChange' | 'showTime' | 'format' | 'picker'> & {
  /** A calendar day of the court, `YYYY-MM-DD`, as the API speaks it. */
  value?: string | null;
  onChange?: (day: string | null) => void;
};

/**
 * A calendar day in Ant Design's picker whose form value stays the plain day string: a day has no
 * time zone, so nothing is converted and the browser's zone cannot shift it.
 */
export function DayPicker({ value, onChange, ...rest }: DayProps) {
  return (
    <DatePicker
      {...rest}
      format="YYYY-MM-DD"
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(picked: Dayjs | Dayjs[] | null) => {
        const one = Array.isArray(picked) ? picked[0] : picked;
        onChange?.(one ? one.format('YYYY-MM-DD') : null);
      }}
    />
  );
}

type ClockProps = Omit<TimePickerProps, 'value' | 'onChange' | 'format'> & {
  /** A wall-clock time at the court, `HH:mm`. */
  value?: string | null;
  onChange?: (time: string | null) => void;
};

/** A wall-clock time (`HH:mm`) at the court, e.g. the start of a recurring session. */
export function ClockTimePicker({ value, onChange, ...rest }: ClockProps) {
  return (
    <TimePicker
      {...rest}
      format="HH:mm"
      value={value ? dayjs(value, 'HH:mm') : null}
      onChange={(picked: Dayjs | Dayjs[] | null) => {
        const one = Array.isArray(picked) ? picked[0] : picked;
        onChange?.(one ? one.format('HH:mm') : null);
      }}
    />
  );
}
