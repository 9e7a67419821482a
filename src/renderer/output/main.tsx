import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToCore } from '../lib/core-client';
import { tokenFromLocation } from '../lib/url-token';
import { AccessProblemScreen } from '../ui/AccessProblemScreen';
import { OutputApp } from './OutputApp';
import '../ui/access-problem.css';
import './output.css';

const root = createRoot(document.getElementById('root')!);
const token = tokenFromLocation();
if (token) {
  connectToCore(token);
  root.render(
    <StrictMode>
      <OutputApp />
    </StrictMode>,
  );
} else {
  root.render(<AccessProblemScreen problem="missing" language="fr" />);
}
