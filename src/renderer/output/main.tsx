/**
 * The output page: the projector, any browser on the venue network, the stream encoder.
 *
 *   /output?token=…             the projector (default): the event's theme, full frame, 16:9.
 *   /output?token=…&room=ID     a room's projector (docs/rooms.md): that room's bus and join QR
 *                               code (with the room's key); without `room`, the main room's.
 *   /output?token=…&mode=obs    a browser source for OBS or vMix: transparent page (html, body and
 *                               the stage have no background), messages and polls drawn as a
 *                               lower-third band over the camera picture, the holding screen as a
 *                               discreet lower third (event, current session), « black » as
 *                               nothing at all; same 1920×1080 geometry (set the source to 1920×1080).
 *
 * The token is the output seat's (read-only). What is on air comes from the core's snapshot, then
 * its patches: a reload shows exactly what is on air.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToCore } from '../lib/core-client';
import { tokenFromLocation } from '../lib/url-token';
import { VIEW_ROOM_MALFORMED } from '../lib/view-room';
import { AccessProblemScreen } from '../ui/AccessProblemScreen';
import { OutputApp } from './OutputApp';
import { outputModeFromSearch } from './output-mode';
import '../ui/access-problem.css';
import './output.css';
import './output-program.css';
import './output-scenes.css';
import './output-poll.css';
import './output-cloud.css';
import './output-obs.css';

const mode = outputModeFromSearch(window.location.search);
// Before the first render, so that the page is transparent from its first paint in the encoder.
document.documentElement.dataset.mode = mode;

const root = createRoot(document.getElementById('root')!);
const token = tokenFromLocation();
if (VIEW_ROOM_MALFORMED) {
  // `?room=` written wrong: never the main room's screen instead (it would look right and be wrong).
  root.render(<AccessProblemScreen problem="room" language="fr" />);
} else if (token) {
  connectToCore(token, 'output');
  root.render(
    <StrictMode>
      <OutputApp mode={mode} />
    </StrictMode>,
  );
} else {
  root.render(<AccessProblemScreen problem="missing" language="fr" />);
}
