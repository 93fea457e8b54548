import { useMemo, useState } from 'react';
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { NavTree } from '../../components/NavTree';
import type { TreeNodeData } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS } from '../../../src-shared/model/entities';
import { formatFuzzyDate } from '../../../src-shared/model/dates';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { countDocuments, groupDocuments, informantRoles } from './grouping';
import type { DocumentGroup } from './grouping';
import { ImportButton } from '../import/ImportButton';
import { UnreadBadge } from '../circulation/UnreadBadge';
import { UnreadDialog } from '../circulation/UnreadDialog';
import { useUnreadCounts } from '../circulation/unread';

function toNodes(groups: readonly DocumentGroup[]): TreeNodeData[] {
  return groups.map((g) => ({
    value: g.key,
    label: g.label,
    nodeProps: { count: countDocuments(g) },
    children: [...toNodes(g.children), ...g.documents.map((d) => ({ value: `doc:${d.id}`, label: d.title, nodeProps: { date: d.date } }))],
  }));
}

export function DocumentsNavigator() {
  const { t, i18n } = useTranslation();
  const { documents, cases, attributes } = useData();
  const filters = useUi((s) => s.filters);
  const setFilters = useUi((s) => s.setFilters);
  const open = useUi((s) => s.open);

  const groups = useMemo(
    () => groupDocuments(documents, cases, attributes, filters, (k) => t(`kinds.${k}`), t('nav.ungrouped')),
    [documents, cases, attributes, filters, t],
  );
  const data = useMemo(() => toNodes(groups), [groups]);
  const languages = useMemo(() => [...new Set(documents.map((d) => d.language))].sort(), [documents]);
  const roles = useMemo(() => informantRoles(cases, attributes), [cases, attributes]);
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const unread = useUnreadCounts();
  const [unreadOpen, setUnreadOpen] = useState(false);
  const unreadOf = (documentId: string) => {
    const u = unread.byDocument.get(documentId);
    return u ? (u.document ? 1 : 0) + u.codings : 0;
  };

  return (
    <>
      <Stack gap={4} className="pane-header">
        <ImportButton />
        {unread.total > 0 && (
          <Button size="xs" variant="light" color="orange" onClick={() => setUnreadOpen(true)}>
            {t('circulation.newFromOthersCount', { count: unread.total })}
          </Button>
        )}
        <TextInput placeholder={t('nav.filter')} aria-label={t('nav.filter')} value={filters.text} onChange={(e) => setFilters({ text: e.currentTarget.value })} />
        <Group gap={4} grow>
          <Select
            aria-label={t('nav.kind')}
            placeholder={t('nav.kind')}
            clearable
            value={filters.kind}
            onChange={(kind) => setFilters({ kind })}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
          <Select aria-label={t('nav.language')} placeholder={t('nav.language')} clearable value={filters.language} onChange={(language) => setFilters({ language })} data={languages} />
        </Group>
        <Group gap={4} grow>
          <TextInput aria-label={t('nav.dateFrom')} placeholder={`${t('nav.dateFrom')} 1992-01`} value={filters.from} onChange={(e) => setFilters({ from: e.currentTarget.value })} />
          <TextInput aria-label={t('nav.dateTo')} placeholder={`${t('nav.dateTo')} 1993-12`} value={filters.to} onChange={(e) => setFilters({ to: e.currentTarget.value })} />
        </Group>
        {roles.length > 0 && (
          <Select aria-label={t('nav.role')} placeholder={t('nav.role')} clearable searchable value={filters.role} onChange={(role) => setFilters({ role })} data={roles} />
        )}
      </Stack>
      <div className="pane-scroll">
        {data.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {t('nav.noDocuments')}
          </Text>
        ) : (
          <NavTree
            label={t('nav.documents')}
            data={data}
            onOpen={(value) => value.startsWith('doc:') && open({ kind: 'document', id: value.slice(4) })}
            renderRow={(node) => ({
              after: node.value.startsWith('doc:') ? (
                <>
                  {node.nodeProps?.date ? formatFuzzyDate(node.nodeProps.date, lang) : ''} <UnreadBadge count={unreadOf(node.value.slice(4))} />
                </>
              ) : (
                String(node.nodeProps?.count ?? '')
              ),
            })}
          />
        )}
      </div>
      {unreadOpen && <UnreadDialog onClose={() => setUnreadOpen(false)} />}
    </>
  );
}
