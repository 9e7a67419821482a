import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentLanguage, translate } from './i18n';
import { ParticipantApp } from './components/ParticipantApp';
import { loadBranding } from './lib/event-look';
import { joinEvent, setAddressPlace } from './lib/hub-link';
import { codeFromSearch, placeFromSearch, storedCode, storedOrigin } from './lib/identity';
import './participant.css';

// The participant page: served by the hub (embedded in the régie, or alone on a server), opened
// from the QR code (…/?e=CODE). A code and a place remembered from an earlier visit join at once.
const language = currentLanguage();
document.documentElement.lang = language;
document.title = translate(language, 'app.title');

// The event's name, colours and logo, for the join screen already (the hub's branding.json).
void loadBranding();

const fromUrl = codeFromSearch(window.location.search);
// A room's QR code: …/?e=CODE&r=ROOM&k=KEY (the key changes every 5 minutes; the hub checks it).
setAddressPlace(placeFromSearch(window.location.search));
const code = fromUrl ?? storedCode();
const origin = storedOrigin();
if (code && origin) joinEvent(code, origin);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ParticipantApp initialCode={code ?? ''} />
  </StrictMode>,
);
