// node --import ./tests/electron-standin/register.mjs out/main/index.js
// runs the built main bundle with tests/electron-standin/electron/ in place of Electron.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
