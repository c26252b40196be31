import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './styles.css';

dayjs.locale('zh-cn');

/**
 * No motion for someone whose system asks for less of it (and for the browser tests, whose contexts ask
 * the same): antd's zoom, fade and slide animations are left out, and what they show appears at once.
 */
const motion = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 6, motion } }}>
        <AntApp>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
