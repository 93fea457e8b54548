import { useRef, useState } from 'react';
import { Alert, Button, Group, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeakReport } from '../../../src-shared/contract';
import { toBase64 } from '../../api/base64';
import { call } from '../../api/client';
import { formatNumber } from '../../i18n';
import { attempt } from '../../stores/notices';
import { HiddenFileInput } from '../../components/HiddenFileInput';

/** "Check a file for leaks": a file chosen here is read by the core and every registered name in it listed. */
export function LeakCheck() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [result, setResult] = useState<{ readonly file: string; readonly report: LeakReport } | null>(null);

  const check = async (file: File): Promise<void> => {
    setChecking(file.name);
    setResult(null);
    await attempt(async () => {
      const report = await call('pseudonyms.checkFile', { fileName: file.name, data: toBase64(new Uint8Array(await file.arrayBuffer())) });
      setResult({ file: file.name, report });
    });
    setChecking(null);
  };

  return (
    <section aria-label={t('pseudonyms.check')}>
      <HiddenFileInput inputRef={input} label={t('pseudonyms.checkFile')} onFiles={([file]) => void check(file!)} />
      <Button variant="default" onClick={() => input.current?.click()} disabled={checking !== null}>
        {t('pseudonyms.check')}
      </Button>
      {checking && (
        <Group gap={6} mt="sm">
          <Loader size="xs" />
          <Text size="sm">{t('pseudonyms.checking', { file: checking })}</Text>
        </Group>
      )}
      {result && (
        <div role="status" aria-live="polite">
          {result.report.clean ? (
            <Alert mt="sm" color="green">
              {t('pseudonyms.clean', { file: result.file, characters: formatNumber(result.report.characters) })}
            </Alert>
          ) : (
            <>
              <Alert mt="sm" color="red">
                {t('pseudonyms.leaks', { count: result.report.hits.length, file: result.file })}
              </Alert>
              <Table mt="xs" striped aria-label={t('pseudonyms.leakTable', { file: result.file })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('pseudonyms.line')}</Table.Th>
                    <Table.Th>{t('pseudonyms.found')}</Table.Th>
                    <Table.Th>{t('pseudonyms.realName')}</Table.Th>
                    <Table.Th>{t('pseudonyms.pseudonym')}</Table.Th>
                    <Table.Th>{t('pseudonyms.context')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.report.hits.map((h) => (
                    <Table.Tr key={h.start}>
                      <Table.Td>{formatNumber(h.line)}</Table.Td>
                      <Table.Td>{h.text}</Table.Td>
                      <Table.Td>{h.realName}</Table.Td>
                      <Table.Td>{h.pseudonym}</Table.Td>
                      <Table.Td>{h.context}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </div>
      )}
    </section>
  );
}
