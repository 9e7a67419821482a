import { describe, expect, it } from 'vitest';
import { formatSummary, SimStats, summarise } from './stats';

describe('the bilan', () => {
  it('sums refusals by code and gives latencies per kind', () => {
    const s = new SimStats();
    s.joins.ok = 3;
    s.room = 2;
    s.remote = 1;
    s.joins.firstMs = 1000;
    s.joins.lastMs = 2500;
    s.joinRefused('rate_limited');
    s.kinds['poll.vote'].sent = 4;
    s.kinds['poll.vote'].accepted = 3;
    s.kinds['poll.vote'].latenciesMs.push(5, 10, 20);
    s.refuse('poll.vote', 'closed');
    s.refuse('question.ask', 'rate_limited');
    const summary = summarise(s, {
      url: 'http://127.0.0.1:4871',
      eventCode: 'A',
      seed: 1,
      durationMs: 10_000,
      openAtEnd: 'aucun vote ouvert',
      wanted: 3,
    });
    expect(summary.participants).toMatchObject({ joined: 3, room: 2, remote: 1, joinMs: 1500 });
    expect(summary.refusedTotal).toEqual({ rate_limited: 2, closed: 1 });
    expect(summary.messages['poll.vote'].latencyMs).toEqual({ p50: 10, p95: 20, p99: 20, max: 20 });
    expect(summary.messages['words.send'].latencyMs).toBeNull();
    const text = formatSummary(summary);
    expect(text).toContain('3 rejoints sur 3 (2 dans la salle, 1 à distance) en 1.5 s');
    expect(text).toContain('rate_limited 2, closed 1');
    expect(text).toContain('addressRate'); // the hint for a hub whose per-address limit was hit
  });
});
