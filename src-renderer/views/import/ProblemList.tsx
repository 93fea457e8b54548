import { Group, Stack, Text } from '@mantine/core';

/** Problems and warnings in plain words, each marked with a warning sign (decorative: the words say it). */
export function ProblemList({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <Stack gap={2}>
      {problems.map((p, i) => (
        <Group key={i} gap={4} wrap="nowrap" align="flex-start">
          <Text span size="xs" c="orange.8" aria-hidden>
            ⚠
          </Text>
          <Text span size="xs">
            {p}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
