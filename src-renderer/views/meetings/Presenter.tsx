import { useEffect, useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Excerpt, MeetingItem } from '../../../src-shared/contract';
import { useAnswer, useQuery } from '../../api/useQuery';
import { PseudonymSwitch } from '../pseudonyms/PseudonymSwitch';
import { useExcerptOverlay } from '../pseudonyms/overlay';
import { DecisionForm } from './DecisionForm';
import { DecisionSummary } from './DecisionSummary';
import { FollowBar } from './FollowBar';
import { useSharedPresentation } from './presence';
import { placeOn } from './model';
import { useMeetings } from './store';
import './presenter.css';

/** Characters of context each side: enough to follow the talk, few enough that the quote, codes and citation fit one screen. */
const PRESENTER_CONTEXT = 160;

/** Keys that move between items; typing in the decision form keeps its own keys. */
function targetOfKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowLeft':
    case 'PageUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** A field that uses the arrow keys itself; a switch just toggled does not, so the arrows still move. */
const typing = (element: EventTarget | null): boolean =>
  element instanceof HTMLElement && !(element instanceof HTMLInputElement && element.type === 'checkbox') && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));

/** A coding's excerpt in large type: context in grey around the words, codes, coder, citation, translations. */
function ExcerptSlide({ excerpt }: { readonly excerpt: Excerpt }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <p className="presenter-text">
        {excerpt.contextBefore && <span className="presenter-context">…{excerpt.contextBefore}</span>}
        <mark className="presenter-quote">{excerpt.quote}</mark>
        {excerpt.contextAfter && <span className="presenter-context">{excerpt.contextAfter}…</span>}
      </p>
      {excerpt.translations.map((tr) => (
        <section key={tr.id} aria-label={t('meetings.presenter.translation', { language: tr.language })}>
          <Text size="sm" c="dimmed">
            {t('meetings.presenter.translation', { language: tr.language })}
          </Text>
          <p className="presenter-translation">{tr.text}</p>
        </section>
      ))}
      <Group gap="xs">
        {excerpt.codes.map((c) => (
          <Badge key={c.id} size="xl" variant="light" color={c.color} styles={{ label: { textTransform: 'none' } }}>
            {c.name}
          </Badge>
        ))}
      </Group>
      <Text size="xl">{t('meetings.presenter.coder', { name: excerpt.coderName })}</Text>
      <Text size="xl" fs="italic" aria-label={t('meetings.presenter.citation')}>
        {excerpt.citation}
        {excerpt.quoteIds[0] ? ` [${excerpt.quoteIds[0]}]` : ''}
      </Text>
    </Stack>
  );
}

/** A document or memo item (or a coding without its excerpt yet): its title and words. */
function TargetSlide({ item }: { readonly item: MeetingItem }) {
  const { t } = useTranslation();
  if (!item.target.exists) return <p className="presenter-text">{t('meetings.agenda.deleted')}</p>;
  return (
    <Stack gap="lg">
      <Title order={3} className="presenter-label">
        {item.target.label}
      </Title>
      {item.target.quote && <p className="presenter-text">{item.target.quote}</p>}
      {item.target.personName && <Text size="xl">{t(`meetings.presenter.person.${item.target.kind}`, { name: item.target.personName })}</Text>}
    </Stack>
  );
}

/**
 * Presenter mode: the meeting's agenda one item at a time in large type, for a projector or a
 * laptop following along (the browser edition). → or PageDown goes on, ← or PageUp back, Home and
 * End to the first and last item, Escape leaves. Presenting allows decisions and publishes each
 * move; following goes where the presenter goes (moving on one's own stops following) and is
 * read-only unless the presenter allows attendees to decide.
 */
export function Presenter() {
  const { t, i18n } = useTranslation();
  const { presenter, goTo, pin, leave } = useMeetings();
  const meeting = useQuery('meetings.get', presenter ? { id: presenter.meetingId } : null);
  const count = meeting?.items.length ?? 0;
  const index = meeting && presenter ? placeOn(meeting.items, presenter) : 0;
  const item = meeting?.items[index] ?? null;
  useEffect(() => {
    if (item && (item.id !== presenter?.itemId || index !== presenter.index)) pin(item.id, index);
  }, [item, index, presenter, pin]);
  const presenting = presenter?.mode === 'presenting';
  const [deciding, setDeciding] = useState(false);
  const shared = useSharedPresentation(presenter?.mode ?? 'following', presenter?.meetingId ?? '', meeting?.items ?? null, item?.id ?? null, goTo, deciding);
  const { move, mayDecide } = shared;
  const language = i18n.language === 'ru' ? 'ru' : 'en';
  const { result: excerpt } = useAnswer('meetings.excerpt', item && item.target.kind === 'coding' && item.target.exists ? { itemId: item.id, language, context: PRESENTER_CONTEXT } : null);
  const overlay = useExcerptOverlay();
  useEffect(() => setDeciding(false), [item?.id]);

  // On the window, not the dialog: after a decision is recorded its form goes and the focus with it.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Escape' && !(event.target instanceof Element && event.target.closest('[role="dialog"]'))) {
        leave();
        return;
      }
      const to = targetOfKey(event.key, index, count);
      if (to === null) return;
      event.preventDefault();
      move(to);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [index, count, move, leave]);
  const fullScreen = (): void => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  const close = (): void => {
    if (document.fullscreenElement) void document.exitFullscreen();
    leave();
  };
  const name = meeting ? meeting.title || meeting.team : '';

  return (
    <Modal
      opened
      fullScreen
      onClose={close}
      title={t(presenting ? 'meetings.presenter.title' : 'meetings.presenter.following', { name })}
      classNames={{ body: 'presenter-body' }}
      transitionProps={{ duration: 0 }}
    >
      {item && (
        <div className="presenter">
          <Group justify="space-between" className="presenter-bar">
            {/* Following along, the follow bar says the presenter's moves: one announcement, not two. */}
            <Text size="lg" fw={600} aria-live={presenting || !(shared.following.live && shared.following.presentation) ? 'polite' : 'off'}>
              {t('meetings.presenter.position', { n: index + 1, count })}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={() => move(index - 1)} disabled={index === 0}>
                {t('meetings.presenter.previous')}
              </Button>
              <Button variant="default" onClick={() => move(index + 1)} disabled={index >= count - 1}>
                {t('meetings.presenter.next')}
              </Button>
              <Button variant="subtle" onClick={fullScreen}>
                {t('meetings.presenter.fullScreen')}
              </Button>
              <PseudonymSwitch />
              {presenting && <Switch label={t('meetings.presenter.allowDecisions')} checked={shared.allowDecisions} onChange={(e) => shared.setAllowDecisions(e.currentTarget.checked)} />}
            </Group>
          </Group>
          {!presenting && <FollowBar following={shared.following} presenterIndex={shared.presenterIndex} count={count} />}
          <article className="presenter-slide" aria-label={t('meetings.presenter.item', { n: index + 1 })}>
            <Text size="lg" c="dimmed" mb="sm">
              {[t(`meetings.kinds.${item.target.kind}`), item.target.kind === 'coding' ? item.target.documentTitle : null].filter(Boolean).join(' · ')}
            </Text>
            {excerpt && item.target.kind === 'coding' ? <ExcerptSlide excerpt={overlay(excerpt)} /> : <TargetSlide item={item} />}
          </article>
          <section className="presenter-decision" aria-label={t('meetings.presenter.decisionArea')}>
            {item.decision ? <DecisionSummary decision={item.decision} size="lg" /> : <Text c="dimmed">{t('meetings.presenter.undecided')}</Text>}
            {mayDecide && item.target.exists && !deciding && (
              <Button mt="sm" onClick={() => setDeciding(true)}>
                {t(item.decision ? 'meetings.presenter.changeDecision' : 'meetings.presenter.decide')}
              </Button>
            )}
            {mayDecide && deciding && (
              <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
                <DecisionForm key={item.id} item={item} onDone={() => setDeciding(false)} />
              </div>
            )}
          </section>
        </div>
      )}
    </Modal>
  );
}
