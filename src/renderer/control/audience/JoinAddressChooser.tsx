import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { chooseJoinUrlCommand } from '../../../shared/api/commands';
import { isLoopbackUrl } from '../../../shared/domain/join-address';
import { useT } from '../../lib/i18n';
import { type JoinChoice, joinChoiceOf, joinChoiceUrl } from '../../lib/link-status';
import { useCommand } from '../../lib/use-command';

type Selected = 'default' | 'public' | `offered:${number}`;

function selectedOf(c: JoinChoice, offered: readonly string[]): Selected {
  if (c.kind === 'default') return 'default';
  if (c.kind === 'public') return 'public';
  return `offered:${offered.indexOf(c.url)}`;
}

/**
 * Which address the audience is given: the hub's default, one of the machine's addresses it
 * offers, or a public one typed in. Nothing changes until « Utiliser cette adresse ».
 */
export function JoinAddressChooser({ offered, chosen, onDone }: { offered: readonly string[]; chosen: string | null; onDone: () => void }) {
  const t = useT();
  const ids = { name: useId(), public: useId(), hint: useId() };
  const current = joinChoiceOf(chosen, offered);
  const [selected, setSelected] = useState<Selected>(() => selectedOf(current, offered));
  const [publicText, setPublicText] = useState(current.kind === 'public' ? current.url : '');
  const [invalid, setInvalid] = useState<string | null>(null);
  const { send, pending, problem } = useCommand();

  const choice = (): JoinChoice => {
    if (selected === 'default') return { kind: 'default' };
    if (selected === 'public') return { kind: 'public', url: publicText };
    return { kind: 'offered', url: offered[Number(selected.slice('offered:'.length))] ?? '' };
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const url = joinChoiceUrl(choice());
    if (selected === 'public' && !url) return setInvalid(t('audiencePanel.publicMissing'));
    const parsed = chooseJoinUrlCommand.safeParse({ type: 'join.choose', url });
    if (!parsed.success) return setInvalid(parsed.error.issues[0]?.message ?? t('audiencePanel.publicMissing'));
    setInvalid(null);
    const r = await send(parsed.data);
    if (r.ok) onDone();
  };

  // The arrows move within the list here, not the standby cue.
  const keepArrows = (e: KeyboardEvent) => {
    if (e.key.startsWith('Arrow') && e.target instanceof HTMLInputElement && e.target.type === 'radio') e.stopPropagation();
  };

  const radio = (value: Selected, label: ReactNode, testId: string) => (
    <label className="ap-choice" key={value}>
      <input
        type="radio"
        name={ids.name}
        value={value}
        checked={selected === value}
        onChange={() => setSelected(value)}
        data-testid={testId}
      />
      <span>{label}</span>
    </label>
  );

  return (
    <form className="ap-chooser" onSubmit={(e) => void onSubmit(e)} onKeyDown={keepArrows} noValidate data-testid="join-chooser">
      <fieldset>
        <legend>{t('audiencePanel.chooser')}</legend>
        {radio(
          'default',
          <>
            {t('audiencePanel.default')} <span className="muted">({t('audiencePanel.defaultHint')})</span>
          </>,
          'join-default',
        )}
        {offered.map((u, i) =>
          radio(
            `offered:${i}`,
            <>
              <span className="ap-mono">{u}</span>
              {isLoopbackUrl(u) && <span className="muted"> ({t('audiencePanel.thisComputerOnly')})</span>}
            </>,
            'join-offered',
          ),
        )}
        {radio('public', t('audiencePanel.public'), 'join-public')}
        <input
          id={ids.public}
          type="text"
          className="ap-public-input"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('audiencePanel.publicPlaceholder')}
          aria-label={t('audiencePanel.public')}
          aria-describedby={ids.hint}
          aria-invalid={invalid ? true : undefined}
          value={publicText}
          onFocus={() => setSelected('public')}
          onChange={(e) => {
            setPublicText(e.target.value);
            setSelected('public');
            setInvalid(null);
          }}
          data-testid="join-public-input"
        />
        <p className="hint" id={ids.hint}>
          {t('audiencePanel.publicHint')}
        </p>
      </fieldset>
      <div className="ap-chooser-actions">
        <button type="submit" className="btn btn-warn" disabled={pending} data-testid="join-use">
          {pending ? t('audiencePanel.sending') : t('audiencePanel.use')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('audiencePanel.cancel')}
        </button>
      </div>
      {(invalid ?? problem) && (
        <p className="form-error" role="alert" data-testid="join-error">
          {invalid ?? problem?.message}
        </p>
      )}
    </form>
  );
}
