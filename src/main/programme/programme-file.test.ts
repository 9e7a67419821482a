import { readFileSync } from 'node:fs';
import { mainRoomId, roomOfPlace, roomOfSession, roomsOf } from '../../shared/domain/rooms';
import { describe, it, expect } from 'vitest';
import { stringify } from 'yaml';
import { type Programme, type Session, sessionAudience } from '../../shared/domain/programme';
import { MAX_PROGRAMME_FILE_BYTES, ProgrammeFileError, parseProgrammeFile } from './programme-file';

const demoText = readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8');

function errorOf(text: string, fileName?: string): ProgrammeFileError {
  try {
    parseProgrammeFile(text, fileName);
  } catch (err) {
    expect(err).toBeInstanceOf(ProgrammeFileError);
    return err as ProgrammeFileError;
  }
  throw new Error('le fichier aurait dû être refusé');
}

describe('demo programme (resources/demo/assises-2021.yaml)', () => {
  it('the demo lists seven rooms, the Grand Auditorium main and holding the Grand Hall', () => {
    const p = parseProgrammeFile(demoText, 'assises-2021.yaml');
    const rooms = roomsOf(p);
    expect(rooms.map((r) => r.id)).toEqual([
      'grand-auditorium', 'salle-800', 'salle-450', 'salle-300', 'salle-200', 'salle-150', 'salle-100',
    ]);
    expect(mainRoomId(p)).toBe('grand-auditorium');
    expect(roomOfPlace(p, 'Grand Hall').id).toBe('grand-auditorium');
    expect(roomOfSession(p, 'j1-atelier-4b').id).toBe('salle-450');
    const workshops = p.sessions.filter((s) => s.kind === 'workshop').map((s) => roomOfSession(p, s.id).id);
    expect(new Set(workshops).size).toBe(6);
  });

  const demo = parseProgrammeFile(demoText, 'assises-2021.yaml');
  const ofKind = (kind: Session['kind']) => demo.sessions.filter((s) => s.kind === kind);

  it('parses, with the event of the Assises 2021', () => {
    expect(demo.version).toBe(1);
    expect(demo.event.timeZone).toBe('Europe/Paris');
    expect(demo.event.city).toBe('Nantes');
    expect(demo.event.venue).toBe('Cité des Congrès de Nantes');
    expect(demo.event.theme).toBe('Un méta-besoin de sécurité');
    expect(demo.days.map((d) => d.date)).toEqual(['2021-06-24', '2021-06-25']);
  });

  it('says it is illustrative', () => {
    expect(demoText.split('\n', 10).join('\n')).toMatch(/ILLUSTRATIF/);
    expect(demo.event.notice).toMatch(/illustratifs/);
  });

  it('has plenaries, workshops, breaks, an opening and a closing', () => {
    expect(ofKind('plenary').length).toBeGreaterThanOrEqual(3);
    expect(ofKind('workshop').length).toBeGreaterThanOrEqual(4);
    expect(ofKind('break').length).toBeGreaterThanOrEqual(2);
    expect(ofKind('opening')).toHaveLength(1);
    expect(ofKind('closing')).toHaveLength(1);
  });

  it('keeps workshops in the room only', () => {
    for (const w of ofKind('workshop')) expect(sessionAudience(w)).toEqual({ room: true, remote: false });
  });

  it('has plenaries in the Grand Auditorium and workshops in distinct rooms', () => {
    for (const s of [...ofKind('opening'), ...ofKind('plenary'), ...ofKind('closing')]) expect(s.room).toBe('Grand Auditorium');
    const rooms = ofKind('workshop').map((w) => w.room);
    expect(new Set(rooms).size).toBe(rooms.length);
  });

  it('has no overlapping sessions apart from the parallel workshops', () => {
    for (const day of demo.days) {
      const slots = demo.sessions.filter((s) => s.day === day.date).sort((a, b) => a.start.localeCompare(b.start));
      for (let i = 1; i < slots.length; i += 1) {
        const prev = slots[i - 1]!;
        const cur = slots[i]!;
        if (prev.kind === 'workshop' && cur.kind === 'workshop' && prev.start === cur.start) continue;
        expect(cur.start >= prev.end, `${prev.id} (${prev.end}) / ${cur.id} (${cur.start})`).toBe(true);
      }
    }
  });

  it('round-trips through YAML and JSON', () => {
    const again = (text: string, name: string): Programme => parseProgrammeFile(text, name);
    expect(again(stringify(demo), 'demo.yaml')).toEqual(demo);
    expect(again(JSON.stringify(demo, null, 2), 'demo.json')).toEqual(demo);
    expect(again(JSON.stringify(demo, null, '\t'), 'demo.json')).toEqual(demo);
  });

  it('prepares interactions for the plenaries, and cues that run them', () => {
    const kinds = (demo.interactions ?? []).map((i) => (i.kind === 'poll' ? `poll:${i.type}` : i.kind));
    expect(kinds).toEqual(expect.arrayContaining(['poll:single', 'wordcloud', 'poll:yesno']));
    const cues = demo.sessions.flatMap((s) => (s.cues ?? []).map((c) => ({ ...c, kind: s.kind })));
    expect(cues.length).toBeGreaterThanOrEqual(10);
    expect(cues.filter((c) => c.mode === 'auto').length).toBeGreaterThanOrEqual(1);
    // The plenaries' cues wait for the GO, mostly; the workshops' (below) run by themselves.
    const plenary = cues.filter((c) => c.kind !== 'workshop');
    expect(plenary.filter((c) => c.mode === 'manual').length).toBeGreaterThan(plenary.length / 2);
    expect(cues.some((c) => c.autoContinue === true)).toBe(true);
    expect(cues.some((c) => (c.preWaitSeconds ?? 0) > 0)).toBe(true);
    expect(cues.some((c) => c.action.type === 'note')).toBe(true);
    expect(cues.some((c) => 'time' in c.at)).toBe(true);
    expect(cues.some((c) => 'offset' in c.at && c.at.offset.startsWith('-'))).toBe(true);
    // Séquence 4: each of the six workshops opens its room's Q&A at its start and closes it at its
    // end, both auto (a room seat has no GO; the central régie follows six rooms at once).
    const workshops = demo.sessions.filter((s) => s.kind === 'workshop');
    expect(workshops).toHaveLength(6);
    for (const w of workshops) {
      expect(w.cues?.map((c) => [c.action.type, c.at, c.mode])).toEqual([
        ['qa.open', { offset: '+00:00' }, 'auto'],
        ['qa.close', { offset: '+01:30' }, 'auto'],
      ]);
    }
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(parseProgrammeFile(`\uFEFF${demoText}`, 'assises-2021.yaml')).toEqual(demo);
    expect(parseProgrammeFile(`\uFEFF${JSON.stringify(demo)}`, 'demo.json')).toEqual(demo);
  });
});

// A small valid programme; the broken files below edit it line by line (line numbers are 1-based).
const BASE = [
  /*  1 */ 'version: 1',
  /*  2 */ 'event:',
  /*  3 */ '  name: Assises de test',
  /*  4 */ '  timeZone: Europe/Paris',
  /*  5 */ 'days:',
  /*  6 */ '  - date: "2021-06-24"',
  /*  7 */ '    label: Jeudi 24 juin',
  /*  8 */ 'sessions:',
  /*  9 */ '  - id: s1',
  /* 10 */ '    day: "2021-06-24"',
  /* 11 */ '    start: "09:00"',
  /* 12 */ '    end: "10:00"',
  /* 13 */ '    kind: plenary',
  /* 14 */ '    title: Ouverture',
  /* 15 */ '  - id: s2',
  /* 16 */ '    day: "2021-06-24"',
  /* 17 */ '    start: "10:00"',
  /* 18 */ '    end: "11:00"',
  /* 19 */ '    kind: workshop',
  /* 20 */ '    title: Atelier',
];

/** BASE with line `n` replaced (null removes it, an array inserts several lines). */
function edit(...changes: [line: number, text: string | string[] | null][]): string {
  const lines: (string | string[] | null)[] = [...BASE];
  for (const [n, text] of changes) lines[n - 1] = text;
  return lines.flatMap((l) => (l === null ? [] : l)).join('\n') + '\n';
}

const BASE_JSON = JSON.stringify(parseProgrammeFile(edit(), 'base.yaml'), null, 2);

describe('parseProgrammeFile: valid files', () => {
  it('reads the base file, with defaults and the workshop audience', () => {
    const p = parseProgrammeFile(edit());
    expect(p.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(sessionAudience(p.sessions[1]!)).toEqual({ room: true, remote: false });
    expect(parseProgrammeFile(edit([1, null], [4, null])).event.timeZone).toBe('Europe/Paris');
  });

  it('accepts an empty sessions list', () => {
    const p = parseProgrammeFile(
      edit([8, 'sessions: []'], ...[9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map((n): [number, null] => [n, null])),
    );
    expect(p.sessions).toEqual([]);
  });

  it('reads JSON with line numbers too', () => {
    const e = errorOf(BASE_JSON.replace('"end": "10:00"', '"end": "08:00"'), 'base.json');
    const line = BASE_JSON.split('\n').findIndex((l) => l.includes('"end": "10:00"')) + 1;
    expect(e.issues).toContainEqual(expect.objectContaining({ line, field: 'sessions[0].end' }));
  });
});

interface BrokenCase {
  name: string;
  text: string;
  fileName?: string;
  line: number;
  field: string;
  message?: RegExp;
}

const jsonTrailingComma = BASE_JSON.replace('"title": "Atelier"', '"title": "Atelier",');
const jsonMissingComma = BASE_JSON.replace('"kind": "workshop",', '"kind": "workshop"');

const broken: BrokenCase[] = [
  { name: 'tab indentation', text: edit([3, '\tname: Assises de test']), line: 3, field: '', message: /syntaxe/ },
  { name: 'unclosed quote', text: edit([11, '    start: "09:00']), line: 11, field: '', message: /syntaxe/ },
  { name: 'duplicate key', text: edit([14, ['    title: Ouverture', '    title: Encore']]), line: 15, field: '', message: /syntaxe/ },
  { name: 'missing event name', text: edit([3, null]), line: 2, field: 'event.name' },
  { name: 'missing session title', text: edit([14, null]), line: 9, field: 'sessions[0].title' },
  { name: 'missing days', text: edit([5, null], [6, null], [7, null]), line: 1, field: 'days' },
  {
    name: 'unknown session field',
    text: edit([13, ['    kind: plenary', '    colour: red']]),
    line: 14,
    field: 'sessions[0].colour',
    message: /champ inconnu/,
  },
  {
    name: 'unknown top-level field',
    text: edit([1, ['version: 1', 'title: Programme']]),
    line: 2,
    field: 'title',
    message: /champ inconnu/,
  },
  { name: 'bad date', text: edit([6, '  - date: "24/06/2021"']), line: 6, field: 'days[0].date', message: /AAAA-MM-JJ/ },
  { name: 'impossible date', text: edit([10, '    day: "2021-02-30"']), line: 10, field: 'sessions[0].day', message: /AAAA-MM-JJ/ },
  { name: 'bad time', text: edit([12, '    end: "25:00"']), line: 12, field: 'sessions[0].end', message: /HH:MM/ },
  { name: 'end before start', text: edit([18, '    end: "09:30"']), line: 18, field: 'sessions[1].end', message: /la fin doit suivre/ },
  {
    name: 'session day not in days',
    text: edit([16, '    day: "2021-06-25"']),
    line: 16,
    field: 'sessions[1].day',
    message: /jour absent/,
  },
  { name: 'duplicate session id', text: edit([15, '  - id: s1']), line: 15, field: 'sessions[1].id', message: /en double/ },
  { name: 'bad session id', text: edit([15, '  - id: Atelier 2']), line: 15, field: 'sessions[1].id', message: /minuscules/ },
  { name: 'unknown kind', text: edit([19, '    kind: keynote']), line: 19, field: 'sessions[1].kind' },
  { name: 'unknown time zone', text: edit([4, '  timeZone: Europe/Nantes']), line: 4, field: 'event.timeZone', message: /fuseau/ },
  { name: 'title too long', text: edit([14, `    title: ${'x'.repeat(301)}`]), line: 14, field: 'sessions[0].title' },
  { name: 'blank title', text: edit([14, '    title: "   "']), line: 14, field: 'sessions[0].title' },
  { name: 'empty days', text: edit([5, 'days: []'], [6, null], [7, null]), line: 5, field: 'days' },
  { name: 'number as title', text: edit([20, '    title: 42']), line: 20, field: 'sessions[1].title' },
  { name: 'unsupported version', text: edit([1, 'version: 2']), line: 1, field: 'version' },
  {
    name: 'audience not an object',
    text: edit([20, ['    title: Atelier', '    audience: room']]),
    line: 21,
    field: 'sessions[1].audience',
  },
  {
    name: 'JSON with a trailing comma',
    text: jsonTrailingComma,
    fileName: 'programme.json',
    line: jsonTrailingComma.split('\n').findIndex((l) => l.includes('"title": "Atelier",')) + 1,
    field: '',
    message: /syntaxe JSON : virgule en trop/,
  },
  {
    name: 'JSON with a missing comma',
    text: jsonMissingComma,
    fileName: 'programme.json',
    // Reported where the parser notices it: the next member.
    line: jsonMissingComma.split('\n').findIndex((l) => l.includes('"title": "Atelier"')) + 1,
    field: '',
    message: /syntaxe : Missing ,/,
  },
  {
    name: 'JSON bad time',
    text: BASE_JSON.replace('"start": "10:00"', '"start": "10h00"'),
    fileName: 'programme.json',
    line: BASE_JSON.split('\n').findIndex((l) => l.includes('"start": "10:00"')) + 1,
    field: 'sessions[1].start',
    message: /HH:MM/,
  },
];

describe('parseProgrammeFile: broken files', () => {
  it.each(broken)('$name: line $line, field "$field"', ({ text, fileName, line, field, message }) => {
    const e = errorOf(text, fileName);
    const issue = e.issues.find((i) => i.line === line && i.field === field);
    expect(issue, JSON.stringify(e.issues)).toBeDefined();
    expect(issue!.column).toEqual(expect.any(Number));
    if (message) expect(issue!.message).toMatch(message);
    expect(e.message).toContain(`ligne ${line}`);
  });

  it('reports several problems at once', () => {
    const e = errorOf(edit([4, '  timeZone: Mars/Olympus'], [12, '    end: "10:60"'], [19, '    kind: keynote']));
    expect(e.issues.map((i) => [i.line, i.field])).toEqual([
      [4, 'event.timeZone'],
      [12, 'sessions[0].end'],
      [19, 'sessions[1].kind'],
    ]);
  });

  it('refuses a file that is not a mapping', () => {
    expect(errorOf('').issues[0]).toMatchObject({ field: '' });
    expect(errorOf('- a\n- b\n').issues[0]).toMatchObject({ line: 1, field: '' });
  });

  it('refuses an alias bomb or an unknown alias without crashing', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(errorOf(bomb).issues[0]!.message).toMatch(/syntaxe/);
    expect(errorOf(edit([14, '    title: *nowhere'])).issues[0]!.message).toMatch(/syntaxe/);
  });

  it('refuses an oversized file with a clear message', () => {
    const big = `${edit()}# ${'x'.repeat(MAX_PROGRAMME_FILE_BYTES)}\n`;
    const e = errorOf(big, 'enorme.yaml');
    expect(e.issues).toEqual([{ line: null, column: null, field: '', message: 'fichier trop grand (1024 Kio au plus)' }]);
    expect(e.message).toContain('enorme.yaml');
    expect(e.message).toContain('fichier trop grand');
  });

  it('counts the size in bytes, not characters', () => {
    // 600 000 characters, 1.2 MB in UTF-8.
    const big = `${edit()}# ${'é'.repeat(600_000)}\n`;
    expect(big.length).toBeLessThan(MAX_PROGRAMME_FILE_BYTES);
    expect(errorOf(big).issues[0]!.message).toMatch(/trop grand/);
  });

  it('accepts a file just under the limit', () => {
    const text = edit();
    const padded = `${text}#${'x'.repeat(MAX_PROGRAMME_FILE_BYTES - text.length - 2)}\n`;
    expect(Buffer.byteLength(padded)).toBe(MAX_PROGRAMME_FILE_BYTES);
    expect(parseProgrammeFile(padded).sessions).toHaveLength(2);
  });
});

// Cues and interactions: BASE with two interactions before the sessions and cues in session s2.
const INTERACTIONS = [
  'interactions:',
  '  - kind: poll',
  '    id: sondage',
  '    type: yesno',
  '    question: Ça va ?',
  '  - kind: wordcloud',
  '    id: nuage',
  '    prompt: Un mot',
];
const CUES = [
  '      - id: c1',
  '        at: { offset: "+00:15" }',
  '        action: { type: poll.open, interaction: sondage }',
  '      - id: c2',
  '        at: { time: "10:45" }',
  '        mode: auto',
  '        action: { type: wordcloud.open, interaction: nuage }',
];

/** BASE with interactions and cues, `change` applied to them (cue lines, interaction lines). */
function cueFile(change: (cues: string[], interactions: string[]) => void = () => {}): string {
  const cues = [...CUES];
  const interactions = [...INTERACTIONS];
  change(cues, interactions);
  return edit([8, [...interactions, 'sessions:']], [20, ['    title: Atelier', '    cues:', ...cues]]);
}

/** The 1-based line of the `nth` line containing `needle`. */
function lineOf(text: string, needle: string, nth = 1): number {
  const lines = text
    .split('\n')
    .map((l, i) => [l, i + 1] as const)
    .filter(([l]) => l.includes(needle));
  const found = lines[nth - 1];
  if (!found) throw new Error(`absent : ${needle}`);
  return found[1];
}

describe('parseProgrammeFile: cues and interactions', () => {
  it('reads them, with defaults', () => {
    const p = parseProgrammeFile(cueFile());
    expect(p.interactions).toEqual([
      { kind: 'poll', id: 'sondage', type: 'yesno', question: 'Ça va ?', hideResultsUntilReveal: false },
      { kind: 'wordcloud', id: 'nuage', prompt: 'Un mot', maxWordsPerParticipant: 3, maxWordLength: 25 },
    ]);
    expect(p.sessions[1]!.cues).toEqual([
      { id: 'c1', at: { offset: '+00:15' }, action: { type: 'poll.open', interaction: 'sondage' }, mode: 'manual' },
      { id: 'c2', at: { time: '10:45' }, mode: 'auto', action: { type: 'wordcloud.open', interaction: 'nuage' } },
    ]);
    expect(parseProgrammeFile(edit()).interactions).toBeUndefined();
  });

  const cases: { name: string; text: string; needle: string; nth?: number; field: string; message?: RegExp }[] = [
    {
      name: 'unknown interaction',
      text: cueFile((c) => (c[2] = '        action: { type: poll.open, interaction: inconnu }')),
      needle: 'inconnu',
      field: 'sessions[1].cues[0].action.interaction',
      message: /interaction absente/,
    },
    {
      name: 'poll action on a word cloud',
      text: cueFile((c) => (c[2] = '        action: { type: poll.open, interaction: nuage }')),
      needle: 'poll.open, interaction: nuage',
      field: 'sessions[1].cues[0].action.interaction',
      message: /nuage de mots, pas un sondage/,
    },
    {
      name: 'duplicate cue id',
      text: cueFile((c) => (c[3] = '      - id: c1')),
      needle: '      - id: c1',
      nth: 2,
      field: 'sessions[1].cues[1].id',
      message: /en double/,
    },
    {
      name: 'duplicate cue id across sessions',
      text: edit(
        [8, [...INTERACTIONS, 'sessions:']],
        [
          14,
          ['    title: Ouverture', '    cues:', '      - id: c1', '        at: { offset: "+00:00" }', '        action: { type: qa.open }'],
        ],
        [20, ['    title: Atelier', '    cues:', ...CUES]],
      ),
      needle: '      - id: c1',
      nth: 2,
      field: 'sessions[1].cues[0].id',
      message: /en double/,
    },
    {
      name: 'bad offset',
      text: cueFile((c) => (c[1] = '        at: { offset: "+0:75" }')),
      needle: '+0:75',
      field: 'sessions[1].cues[0].at.offset',
      message: /décalage attendu/,
    },
    {
      name: 'offset in words',
      text: cueFile((c) => (c[1] = '        at: { offset: "15 min" }')),
      needle: '15 min',
      field: 'sessions[1].cues[0].at.offset',
      message: /\+HH:MM/,
    },
    {
      name: 'both offset and time',
      text: cueFile((c) => (c[1] = '        at: { offset: "+00:15", time: "10:15" }')),
      needle: 'at: {',
      field: 'sessions[1].cues[0].at',
      message: /moment attendu/,
    },
    {
      name: 'cue time not a time',
      text: cueFile((c) => (c[4] = '        at: { time: "10h45" }')),
      needle: '10h45',
      field: 'sessions[1].cues[1].at.time',
      message: /HH:MM/,
    },
    {
      name: 'unknown action',
      text: cueFile((c) => (c[2] = '        action: { type: poll.launch, interaction: sondage }')),
      needle: 'poll.launch',
      field: 'sessions[1].cues[0].action.type',
    },
    {
      name: 'unknown mode',
      text: cueFile((c) => (c[5] = '        mode: auto-ish')),
      needle: 'auto-ish',
      field: 'sessions[1].cues[1].mode',
    },
    {
      name: 'negative pre-wait',
      text: cueFile((c) => c.push('        preWaitSeconds: -3')),
      needle: 'preWaitSeconds',
      field: 'sessions[1].cues[1].preWaitSeconds',
    },
    {
      name: 'scene with an interaction it cannot show',
      text: cueFile((c) => (c[2] = '        action: { type: scene, scene: black, interaction: sondage }')),
      needle: 'scene: black',
      field: 'sessions[1].cues[0].action.interaction',
      message: /seules les scènes/,
    },
    {
      name: 'duplicate interaction id',
      text: cueFile((_c, i) => (i[6] = '    id: sondage')),
      needle: '    id: sondage',
      nth: 2,
      field: 'interactions[1].id',
      message: /en double/,
    },
    {
      name: 'options on a yes/no poll',
      text: cueFile((_c, i) => i.splice(5, 0, '    options: [oui, non]')),
      needle: 'options: [oui, non]',
      field: 'interactions[0].options',
      message: /champ inconnu/,
    },
    {
      name: 'single poll with one option',
      text: cueFile((_c, i) => (i[3] = '    type: single\n    options: [seule]')),
      needle: 'options: [seule]',
      field: 'interactions[0].options',
      message: /deux options/,
    },
    {
      name: 'unknown poll type',
      text: cueFile((_c, i) => (i[3] = '    type: ranking')),
      needle: 'type: ranking',
      field: 'interactions[0].type',
    },
    {
      name: 'minimum length on a session that is not a break',
      text: edit([13, ['    kind: plenary', '    minMinutes: 10']]),
      needle: 'minMinutes',
      field: 'sessions[0].minMinutes',
      message: /pauses/,
    },
  ];

  it.each(cases)('$name: field "$field"', ({ text, needle, nth, field, message }) => {
    const line = lineOf(text, needle, nth);
    const e = errorOf(text);
    const issue = e.issues.find((i) => i.field === field);
    expect(issue, JSON.stringify(e.issues)).toBeDefined();
    expect(issue!.line).toBe(line);
    if (message) expect(issue!.message).toMatch(message);
  });
});
