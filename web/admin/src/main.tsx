import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { repairAntdAccessibility } from './a11y';
import { Root } from './Root';
import { EmptyText } from './components/EmptyText';

dayjs.locale('zh-cn');

/**
 * The console's colours: antd's default secondary text (#00000073) and link blue fall short of
 * WCAG AA contrast (4.5:1) on white, and staff read these words all day (GB/T 37668). The link blue
 * is also 3:1 against body text, so a link inside a sentence or table cell stands out without underline.
 */
const CONSOLE_TOKENS = {
  colorPrimary: '#b31b1b',
  colorLink: '#1668dc',
  colorTextSecondary: '#595959',
  colorTextDescription: '#595959',
  colorTextTertiary: '#595959',
  // Placeholders of the list filters (“全部状态”) are read as their only hint: antd's #00000040 is 1.6:1.
  colorTextPlaceholder: '#6e6e6e',
  // Danger buttons and error messages: antd's #ff4d4f is 3.3:1 on white.
  colorError: '#cf1322',
};

/**
 * The text of preset tags (orange, gold, green, cyan, lime: step 7 of the palette on step 1) falls
 * short of 4.5:1 (axe): it takes a darker step of the same hue. Empty lists: components/EmptyText.tsx.
 */
const COMPONENT_TOKENS = {
  Tag: { orange7: '#ad4e00', gold7: '#874d00', green7: '#237804', cyan7: '#006d75', lime7: '#3f6600' },
};

// Every empty table and list says so in a readable grey (antd's own empty picture text is 2.5:1).
repairAntdAccessibility();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: CONSOLE_TOKENS, components: COMPONENT_TOKENS }} renderEmpty={() => <EmptyText>暂无数据</EmptyText>}>
      <AntApp>
        <Root />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
