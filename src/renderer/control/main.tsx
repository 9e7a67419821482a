import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToCore } from '../lib/core-client';
import { currentLanguage } from '../lib/i18n';
import { tokenFromLocation } from '../lib/url-token';
import { AccessProblemScreen } from '../ui/AccessProblemScreen';
import { ControlApp } from './shell/ControlApp';
import '../ui/access-problem.css';
import './control.css';

document.documentElement.lang = currentLanguage();
const root = createRoot(document.getElementById('root')!);
const token = tokenFromLocation();
if (token) {
  connectToCore(token);
  root.render(
    <StrictMode>
      <ControlApp />
    </StrictMode>,
  );
} else {
  root.render(<AccessProblemScreen problem="missing" language={currentLanguage()} />);
}
