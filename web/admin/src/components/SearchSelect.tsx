import { Select, type SelectProps } from 'antd';

/**
 * A select that filters its options as one types (long lists: 17 信息类别, 21 主题分类, every body).
 * Matches the option's label, so typing 财政 finds 财政预决算与三公经费.
 */
export function SearchSelect(props: SelectProps) {
  return <Select showSearch optionFilterProp="label" placeholder="请选择，可输入文字查找" notFoundContent="没有匹配的选项" {...props} />;
}
