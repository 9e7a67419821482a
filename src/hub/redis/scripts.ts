/**
 * The Lua scripts that make a cluster's writes atomic: Redis runs each one whole, with nothing of
 * another node's in between. ioredis sends them by EVALSHA (EVAL once after a Redis restart).
 */

/**
 * One participant message. Refuses a message id already taken (`dup`); checks that what the node
 * read before deciding (the participant's vote, upvote, words) is still so (`retry` otherwise: the
 * node reads again and decides again); then takes the next hub sequence, appends to the backlog
 * stream, remembers the message id and the effect.
 * KEYS: seq, backlog, msg, stats, effect key, upvote counts
 * ARGV: body, dedupMs, kind ('none' | 'vote' | 'upvote' | 'words'), then per kind:
 *   vote: participant, expected previous ('' none), new value
 *   upvote: question id
 *   words: expected count, keys…
 */
export const PARTICIPANT_SCRIPT = `
if redis.call('EXISTS', KEYS[3]) == 1 then return {'dup', 0, 0} end
local kind = ARGV[3]
if kind == 'vote' then
  local cur = redis.call('HGET', KEYS[5], ARGV[4])
  if not cur then cur = '' end
  if cur ~= ARGV[5] then return {'retry', 0, 0} end
elseif kind == 'upvote' then
  if redis.call('SISMEMBER', KEYS[5], ARGV[4]) == 1 then return {'retry', 0, 0} end
elseif kind == 'words' then
  if redis.call('SCARD', KEYS[5]) ~= tonumber(ARGV[4]) then return {'retry', 0, 0} end
end
local seq = redis.call('INCR', KEYS[1])
redis.call('XADD', KEYS[2], seq .. '-0', 'm', ARGV[1])
redis.call('SET', KEYS[3], seq, 'PX', ARGV[2])
redis.call('HINCRBY', KEYS[4], 'msgIds', 1)
local n = 0
if kind == 'vote' then
  n = redis.call('HSET', KEYS[5], ARGV[4], ARGV[6])
  redis.call('HINCRBY', KEYS[4], 'votes', n)
elseif kind == 'upvote' then
  redis.call('SADD', KEYS[5], ARGV[4])
  n = redis.call('HINCRBY', KEYS[6], ARGV[4], 1)
  redis.call('HINCRBY', KEYS[4], 'upvotes', 1)
elseif kind == 'words' then
  for i = 5, #ARGV do n = n + redis.call('SADD', KEYS[5], ARGV[i]) end
  redis.call('HINCRBY', KEYS[4], 'words', n)
end
return {'ok', seq, n}
`;

/**
 * One régie command, once and in order: `dup` (already applied), `order` (a gap), `stale` (the
 * node decided on an older board than Redis holds: it reads the board again), else the applied
 * seq, the board and the next board revision are written, a poll's votes dropped (poll.reset),
 * the personal codes changed (codes.add, codes.clear, code.release: in the same script, so that a
 * node started later finds them as the command left them), and the entry appended to the board
 * log every node reads.
 * KEYS: applied, board, boardRev, boardLog, votes of the reset poll (or applied again), code salt,
 *   codes (hash → holder, '' free), code held (participant → hash)
 * ARGV: seq, board JSON ('' unchanged), entry JSON, reset ('1'/'0'), board rev the node decided on, log length,
 *   codes op ('' | 'add' | 'clear' | 'release'), salt (add) or hash (release), hashes (add)…
 */
export const REGIE_SCRIPT = `
local applied = tonumber(redis.call('GET', KEYS[1]) or '0')
local seq = tonumber(ARGV[1])
if seq <= applied then return {'dup', applied} end
if seq > applied + 1 then return {'order', applied} end
local rev = tonumber(redis.call('GET', KEYS[3]) or '0')
if rev ~= tonumber(ARGV[5]) then return {'stale', rev} end
rev = rev + 1
redis.call('SET', KEYS[1], seq)
redis.call('SET', KEYS[3], rev)
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2]) end
if ARGV[4] == '1' then redis.call('DEL', KEYS[5]) end
local op = ARGV[7]
if op == 'add' then
  -- Another salt than the list's means another list: the old hashes mean nothing with it.
  if redis.call('GET', KEYS[6]) ~= ARGV[8] then redis.call('DEL', KEYS[7], KEYS[8]) end
  redis.call('SET', KEYS[6], ARGV[8])
  for i = 9, #ARGV do redis.call('HSETNX', KEYS[7], ARGV[i], '') end
elseif op == 'clear' then
  redis.call('DEL', KEYS[7], KEYS[8])
elseif op == 'release' then
  local holder = redis.call('HGET', KEYS[7], ARGV[8])
  if holder then
    if holder ~= '' and redis.call('HGET', KEYS[8], holder) == ARGV[8] then redis.call('HDEL', KEYS[8], holder) end
    redis.call('HSET', KEYS[7], ARGV[8], '')
  end
end
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[6], rev .. '-0', 'e', ARGV[3])
return {'ok', rev}
`;

/**
 * A joining phone's place and the personal code it claims, as one script: the code is bound only
 * if it is of the list and free or already this participant's (docs/rooms.md: a second phone is
 * refused, whatever node it joined); a participant giving a second code frees its first one (as
 * places.ts does). The place is kept until `placeMemoryMs` after the phone proved or chose it.
 * KEYS: codes, code held, the participant's place
 * ARGV: participant, code hash ('' none), place JSON ('' none), place time to live (ms)
 * Answers {'ok'}, {'unknown'} (not of the list any more) or {'taken', holder}.
 */
export const PLACE_SCRIPT = `
local pid = ARGV[1]
local hash = ARGV[2]
if hash ~= '' then
  local holder = redis.call('HGET', KEYS[1], hash)
  if not holder then return {'unknown', ''} end
  if holder ~= '' and holder ~= pid then return {'taken', holder} end
  local previous = redis.call('HGET', KEYS[2], pid)
  if previous and previous ~= hash and redis.call('HGET', KEYS[1], previous) == pid then redis.call('HSET', KEYS[1], previous, '') end
  redis.call('HSET', KEYS[1], hash, pid)
  redis.call('HSET', KEYS[2], pid, hash)
end
if ARGV[3] ~= '' and tonumber(ARGV[4]) > 0 then redis.call('SET', KEYS[3], ARGV[3], 'PX', ARGV[4]) end
return {'ok', ''}
`;

/** A régie says who it is: another régie than the last one starts its seqs from 0. KEYS: regieId, applied. */
export const RESUME_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1])
  redis.call('SET', KEYS[2], 0)
end
return tonumber(redis.call('GET', KEYS[2]) or '0')
`;

/**
 * A régie's epoch against the highest seen (docs/standby.md): -1 when admitted (the highest
 * becomes it when higher), else the higher epoch that fences it off. KEYS: epoch. ARGV: epoch.
 */
export const EPOCH_SCRIPT = `
local highest = tonumber(redis.call('GET', KEYS[1]) or '0')
local epoch = tonumber(ARGV[1])
if epoch < highest then return highest end
if epoch > highest then redis.call('SET', KEYS[1], ARGV[1]) end
return -1
`;

/** The régie's acknowledged position only moves forward. KEYS: acked. ARGV: upTo. */
export const ACK_SCRIPT = `
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > cur then redis.call('SET', KEYS[1], ARGV[1]) end
return 1
`;

/**
 * Token buckets, the participant's then its address's (joins: the join bucket), on Redis's own
 * clock so that every node counts alike. A bucket refused takes nothing from the next.
 * KEYS: participant bucket, address bucket. ARGV: rate, burst (participant), rate, burst (address).
 * Answers 1 (allowed) or 0.
 */
export const RATE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function take(key, rate, burst)
  local b = redis.call('HMGET', key, 't', 'at')
  local tokens = tonumber(b[1])
  local at = tonumber(b[2])
  if tokens == nil or at == nil then tokens = burst; at = now end
  tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
  local ok = tokens >= 1
  if ok then tokens = tokens - 1 end
  redis.call('HSET', key, 't', tostring(tokens), 'at', tostring(now))
  redis.call('PEXPIRE', key, math.ceil(burst / rate * 1000) + 1000)
  return ok
end
if not take(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])) then return 0 end
if not take(KEYS[2], tonumber(ARGV[3]), tonumber(ARGV[4])) then return 0 end
return 1
`;
