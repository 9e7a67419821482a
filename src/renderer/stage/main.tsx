import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToCore } from '../lib/core-client';
import { tokenFromLocation } from '../lib/url-token';
import { VIEW_ROOM_MALFORMED } from '../lib/view-room';
import { AccessProblemScreen } from '../ui/AccessProblemScreen';
import { StageApp } from './StageApp';
import '../ui/access-problem.css';
import './stage.css';

// The facilitator's tablet (/stage?token=…): a read-only seat of the core, in French.
const root = createRoot(document.getElementById('root')!);
const token = tokenFromLocation();
if (VIEW_ROOM_MALFORMED) {
  // `?room=` written wrong: never the main room's screen instead (it would look right and be wrong).
  root.render(<AccessProblemScreen problem="room" language="fr" />);
} else if (token) {
  connectToCore(token);
  root.render(
    <StrictMode>
      <StageApp />
    </StrictMode>,
  );
} else {
  root.render(<AccessProblemScreen problem="missing" language="fr" />);
}
