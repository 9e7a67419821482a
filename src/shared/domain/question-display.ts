import { cleanText } from '../protocol/clean-text';

/**
 * The text a view draws for a question or a name: what the hub does to every participant's text
 * (control, bidirectional-override and zero-width characters out, NFC, one line). A question typed
 * in at the desk, or kept from an older journal, may still carry them: on screen, a right-to-left
 * override never reorders what follows it. HTML stays as typed: views render text, never markup. Pure.
 */
export function displayText(text: string): string {
  return cleanText(text);
}
