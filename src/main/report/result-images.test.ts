import { describe, expect, it } from 'vitest';
import { initialState, type RegieState } from '../../shared/api/state';
import { frenchTypography } from '../../shared/domain/french-typography';
import { pollResults } from '../../shared/domain/poll-results';
import { programmeSchema } from '../../shared/domain/programme';
import { screenRect } from '../../shared/domain/word-cloud-layout';
import { escapeXml } from './inert-text';
import { pollChartSvg } from './poll-chart-svg';
import { percentWords, votesWords, YES_NO } from './report-words';
import { findPoll, pollChartPng, pollChartSvgOf, wordCloudPng, wordCloudSvgOf } from './result-images';
import { wordCloudSvg } from './word-cloud-svg';
import { imageWords } from './image-words';

const programme = programmeSchema.parse({
  event: { name: 'Essai' },
  days: [{ date: '2021-06-24' }],
  interactions: [
    {
      kind: 'poll',
      id: 'choix',
      type: 'single',
      question: 'Votre "priorité" : laquelle ?',
      options: ['Les familles', 'Les équipes', '<b>HTML</b> & co'],
    },
    {
      kind: 'poll',
      id: 'multi',
      type: 'multiple',
      question: 'Plusieurs ?',
      options: ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7'],
      maxChoices: 3,
    },
    { kind: 'poll', id: 'note', type: 'rating', question: 'Une note ?', min: 0, max: 10, minLabel: 'pas du tout', maxLabel: 'tout à fait' },
    { kind: 'poll', id: 'oui-non', type: 'yesno', question: 'D’accord ?' },
    { kind: 'wordcloud', id: 'mots', prompt: 'Un mot ?' },
  ],
  sessions: [],
});

function stateWith(patch: (s: RegieState) => void): RegieState {
  const s = initialState();
  s.programme = programme;
  patch(s);
  return s;
}

const state = stateWith((s) => {
  s.audience.tallies = {
    choix: {
      counts: { '0': { room: 30, remote: 12 }, '1': { room: 10, remote: 5 }, '2': { room: 1, remote: 0 } },
      voters: { room: 41, remote: 17 },
    },
    multi: { counts: { '0': { room: 5, remote: 1 }, '6': { room: 2, remote: 2 } }, voters: { room: 6, remote: 2 } },
    note: {
      counts: { '0': { room: 1, remote: 0 }, '7': { room: 4, remote: 2 }, '10': { room: 0, remote: 3 } },
      voters: { room: 5, remote: 5 },
    },
    'oui-non': { counts: { '0': { room: 3, remote: 1 }, '1': { room: 0, remote: 1 } }, voters: { room: 3, remote: 2 } },
  };
  s.audience.words = {
    mots: {
      confiance: 12,
      Confiance: 3,
      écoute: 7,
      Kevin: 4,
      KEVIN: 2,
      merde: 5,
      lien: 2,
      stabilité: 6,
      '<script>': 1,
      cadre: 3,
      repères: 2,
      '🤔': 2,
    },
  };
  s.audience.heldWords = { mots: { Kevin: 'given-name', merde: 'profanity' } };
  s.wordModeration = { mots: { banned: { cadre: 'cadre' }, merges: {}, allowed: {} } };
});

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the poll chart', () => {
  it.each(['choix', 'multi', 'note', 'oui-non'])('shows every option of %s with its percentage and its count', (id) => {
    const poll = findPoll(state, id);
    const results = pollResults(poll, state.audience.tallies[id], YES_NO);
    const svg = pollChartSvgOf(state, id);
    expect(svg).toContain(escapeXml(frenchTypography(poll.question)).slice(0, 10));
    for (const row of results.rows) {
      expect(svg).toContain(escapeXml(frenchTypography(row.label)));
      expect(svg).toContain(`>${percentWords(row.percent)}<`);
      expect(svg).toContain(`>${votesWords(row.count)}<`);
    }
    expect(results.rows.length).toBeGreaterThanOrEqual(2);
  });

  it('names the voters in the room and remote, and a rating’s mean', () => {
    expect(pollChartSvgOf(state, 'choix')).toContain('58\u00a0réponses · 41\u00a0salle · 17\u00a0distance');
    expect(pollChartSvgOf(state, 'note')).toMatch(/Moyenne\u00a0: 7,2\u00a0\/\u00a010/);
    expect(pollChartSvgOf(state, 'oui-non')).toContain('>Oui<');
  });

  it('draws the bars in proportion to the shares', () => {
    const svg = pollChartSvg({
      poll: findPoll(state, 'choix'),
      results: pollResults(findPoll(state, 'choix'), state.audience.tallies.choix, YES_NO),
      status: null,
    });
    const fills = [
      ...svg.matchAll(/<rect x="80" y="[\d.]+" width="([\d.]+)" height="[\d.]+" rx="8" fill="#(?:e69f00|56b4e9|009e73)"/g),
    ].map((m) => Number(m[1]));
    expect(fills).toHaveLength(3);
    expect((fills[0] ?? 0) / (fills[1] ?? 1)).toBeCloseTo(42 / 15, 1);
  });

  it('keeps a participant’s markup as letters', () => {
    const svg = pollChartSvgOf(state, 'choix');
    expect(svg).toContain('&lt;b&gt;HTML&lt;/b&gt; &amp; co');
    expect(svg).not.toContain('<b>');
  });

  it('is a 1600 × 900 PNG', () => {
    expect(pngSize(pollChartPng(state, 'choix'))).toEqual({ width: 1600, height: 900 });
    expect(pngSize(pollChartPng(state, 'note', { theme: 'paper' }))).toEqual({ width: 1600, height: 900 });
  });

  it('refuses an unknown poll, or a word cloud, in French', () => {
    expect(() => pollChartPng(state, 'absent')).toThrow('Sondage inconnu : « absent »');
    expect(() => pollChartPng(state, 'mots')).toThrow(/Sondage inconnu/);
    expect(() => pollChartPng(initialState(), 'choix')).toThrow(/Sondage inconnu/);
  });
});

describe('the word cloud image', () => {
  it('groups the spellings and leaves out held, banned and undrawable words', () => {
    const { words, sent } = imageWords(state, 'mots');
    const texts = words.map((w) => w.text.toLocaleLowerCase('fr'));
    expect(texts).toContain('confiance');
    expect(words.find((w) => w.text.toLocaleLowerCase('fr') === 'confiance')?.count).toBe(15);
    for (const gone of ['kevin', 'merde', 'cadre']) expect(texts).not.toContain(gone);
    expect(sent).toBe(49);
    expect(words.some((w) => w.text.includes('🤔') || w.text === '')).toBe(false);
  });

  it('never draws a held word, in any case', () => {
    const svg = wordCloudSvgOf(state, 'mots');
    expect(svg.toLowerCase()).not.toContain('kevin');
    expect(svg).not.toContain('merde');
    expect(svg).not.toContain('>cadre<');
    expect(svg).toContain('>écoute<');
  });

  it('places the words without overlap, inside the picture', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ text: `mot${i}${'é'.repeat(i % 7)}`, count: 1 + ((i * 37) % 50) }));
    const cloud = programme.interactions?.find((i) => i.kind === 'wordcloud');
    if (cloud?.kind !== 'wordcloud') throw new Error('no cloud');
    const { svg, layout, origin } = wordCloudSvg({ cloud, words: many, sent: 999, status: null });
    const rects = layout.placements.map((p) => screenRect(p, layout));
    expect(rects.length).toBeGreaterThan(60);
    for (const p of layout.placements) expect(svg).toContain(`>${p.text}<`);
    for (let i = 0; i < rects.length; i += 1) {
      const a = rects[i]!;
      expect(a.left).toBeGreaterThanOrEqual(-0.5);
      expect(a.left + a.width).toBeLessThanOrEqual(layout.box.width + 0.5);
      expect(origin.y + a.top).toBeGreaterThan(150);
      for (let j = i + 1; j < rects.length; j += 1) {
        const b = rects[j]!;
        const overlap = a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
        expect(overlap, `${layout.placements[i]?.text} / ${layout.placements[j]?.text}`).toBe(false);
      }
    }
  });

  it('is a 1600 × 900 PNG, and says so for an unknown cloud', () => {
    expect(pngSize(wordCloudPng(state, 'mots'))).toEqual({ width: 1600, height: 900 });
    expect(() => wordCloudPng(state, 'choix')).toThrow('Nuage de mots inconnu : « choix »');
  });
});
