import { DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { inCourtZone, wallClockAtCourt } from '@qizhi/domain';

type Props = Omit<DatePickerProps, 'value' | 'onChange' | 'showTime' | 'format' | 'picker'> & {
  /** The instant (ISO 8601), as the API speaks it. */
  value?: string | null;
  onChange?: (instant: string | null) => void;
};

/** The court's wall-clock time of an instant, as a zone-less picker value the browser cannot shift. */
function pickerValue(instant: string | null | undefined): Dayjs | null {
  return instant ? dayjs(inCourtZone(instant).format('YYYY-MM-DD HH:mm')) : null;
}

/**
 * A date and time entered and read on the court's clock (court-time.ts), whatever the browser's
 * zone: a browser in UTC that picks 09:00 saves 09:00 Beijing time. Its value is the instant.
 */
export function DateTimePicker({ value, onChange, ...rest }: Props) {
  return (
    <DatePicker
      {...rest}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={pickerValue(value)}
      onChange={(picked: Dayjs | Dayjs[] | null) => {
        const one = Array.isArray(picked) ? picked[0] : picked;
        onChange?.(one ? wallClockAtCourt(one).toISOString() : null);
      }}
    />
  );
}
