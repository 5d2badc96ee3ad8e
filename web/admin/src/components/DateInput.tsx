import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

interface Props {
  /** A `YYYY-MM-DD` string, as the API takes it (Form.Item passes value and onChange). */
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
  /** Days after today cannot be picked (receipt dates, supplements received …). */
  noFuture?: boolean;
  /** Days before this `YYYY-MM-DD` cannot be picked (a date that follows an earlier event). */
  notBefore?: string | null;
  /** Days on or before this `YYYY-MM-DD` cannot be picked (a later date must lie after it). */
  after?: string | null;
  allowClear?: boolean;
  style?: React.CSSProperties;
}

/**
 * The console's date field: a date picker whose value is the API's `YYYY-MM-DD` string, so forms
 * never carry typed date text. Limits the picker to the days the rule allows; the server checks again.
 */
export function DateInput({ value, onChange, id, placeholder = '请选择日期', noFuture, notBefore, after, allowClear = true, style }: Props) {
  const today = dayjs().endOf('day');
  const disabledDate = (d: Dayjs) =>
    (noFuture && d.isAfter(today)) || (!!notBefore && d.isBefore(dayjs(notBefore), 'day')) || (!!after && !d.isAfter(dayjs(after), 'day'));
  return (
    <DatePicker
      id={id}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      format="YYYY-MM-DD"
      placeholder={placeholder}
      disabledDate={noFuture || notBefore || after ? disabledDate : undefined}
      allowClear={allowClear}
      style={{ minWidth: 160, ...style }}
    />
  );
}
