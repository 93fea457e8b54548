import type { Migration } from './migration';

/**
 * Weekly meeting review: a team's meeting (its team as plain text, matched against members'
 * `team`; attendees as a JSON array of member ids) and its ordered agenda items. An item points at
 * a coding, document or memo by kind and id, without a foreign key on purpose: deleting the
 * coding must not be blocked by last month's minutes, which then show the item as gone. The
 * decision taken on an item (outcome, note, details as JSON) is stored with it. Both tables are
 * logged, so preparing an agenda and every decision can be undone.
 */
export const meetings: Migration = {
  version: 9,
  name: 'meetings',
  up: [
    `CREATE TABLE meetings (
      id TEXT PRIMARY KEY NOT NULL,
      team TEXT NOT NULL,
      held_at TEXT NOT NULL,
      title TEXT NOT NULL,
      attendee_ids TEXT NOT NULL DEFAULT '[]',
      -- The minutes as edited by hand (Markdown); null while they are generated from the meeting.
      minutes TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES members(id),
      updated_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX meetings_team ON meetings(team, held_at)`,
    `CREATE TABLE meeting_items (
      id TEXT PRIMARY KEY NOT NULL,
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      ord REAL NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('coding', 'document', 'memo')),
      target_id TEXT NOT NULL,
      outcome TEXT,
      note TEXT NOT NULL DEFAULT '',
      -- The discussion note as Lexical editor state (JSON), beside its plain text in \`note\`.
      note_content TEXT,
      decision TEXT,
      decided_by TEXT REFERENCES members(id),
      decided_at TEXT
    ) STRICT`,
    `CREATE INDEX meeting_items_meeting ON meeting_items(meeting_id, ord)`,
  ],
};
