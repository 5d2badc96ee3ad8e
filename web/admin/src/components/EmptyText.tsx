import { Typography } from 'antd';

/**
 * What an empty list or table says ("无", "暂无待办"), in the secondary grey: antd draws a plain
 * string there in its disabled grey, 1.9:1 on white, which axe refuses and staff cannot read well.
 */
export function EmptyText({ children }: { children: string }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
