// The desk's stylesheets, in cascade order: the order of these lines is the order of their rules (a
// rule of a later file wins over one of equal weight in an earlier one). The base comes first, before
// any component's own stylesheet (ControlApp's program.css, questions.css…): loaded after them, its
// `.btn` drew TAKE and the panic button as plain grey buttons.
import './control.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToCore } from '../lib/core-client';
import { VIEW_ROOM_MALFORMED } from '../lib/view-room';
import { currentLanguage } from '../lib/i18n';
import { tokenFromLocation } from '../lib/url-token';
import { AccessProblemScreen } from '../ui/AccessProblemScreen';
import { ControlApp } from './shell/ControlApp';
import '../ui/access-problem.css';
// Then each group's own stylesheet, after every component's.
import './timeline/timeline.css';
import './clock/clock.css';
import './logbook/logbook.css';
import './run-of-show/run-of-show.css';
import './audience/audience.css';
import './export/export.css';
import './interactions/interactions.css';
import './rooms/rooms.css';

document.documentElement.lang = currentLanguage();
const root = createRoot(document.getElementById('root')!);
const token = tokenFromLocation();
if (VIEW_ROOM_MALFORMED) {
  // `?room=` written wrong: the desk would drive the main room's screen instead.
  root.render(<AccessProblemScreen problem="room" language={currentLanguage()} />);
} else if (token) {
  connectToCore(token);
  root.render(
    <StrictMode>
      <ControlApp />
    </StrictMode>,
  );
} else {
  root.render(<AccessProblemScreen problem="missing" language={currentLanguage()} />);
}
