import { describe, expect, it } from 'vitest';
import { generateSample, type SampleDocument } from '../../../fixtures/sample';
import { BASE_LEAVES, CONTESTED } from '../../../fixtures/sample/codebook';
import { THEMES } from '../../../fixtures/sample/compose';
import * as P from '../../../fixtures/sample/phrases';
import { Rng } from '../../../fixtures/sample/random';
import { buildSlots } from '../../../fixtures/sample/slots';
import { expand, slotsOf } from '../../../fixtures/sample/template';
import { ALL_ENTERPRISES } from '../../../fixtures/sample/world';

const project = generateSample();
const byKind = (kind: SampleDocument['kind']): SampleDocument[] => project.documents.filter((d) => d.kind === kind);
const casesOfType = (type: string) => project.cases.filter((c) => c.typeKey === type);

/** Lines that open a turn: a label and colon (optionally after a tape time) or a leading dash. */
function turns(text: string): number {
  return text.split('\n').filter((l) => /^(?:\[\d{2}:\d{2}:\d{2}\] )?[^\s:[\]]{1,30}(?: [^\s:[\]]{1,20})?: |^— /.test(l)).length;
}

describe('sample scale sizes', () => {
  it('has the programme shape: 4 regions, ~11 enterprises with 2–4 shops, ~120 informants, ~25 researchers', () => {
    const regions = casesOfType('region');
    expect(regions.map((r) => r.name).sort()).toEqual(['Кузбасс', 'Москва', 'Республика Коми', 'Самарская область']);
    for (const r of regions) expect(r.aliases.some((a) => /^[A-Za-z]/.test(a)), r.name).toBe(true);
    const enterprises = casesOfType('enterprise');
    expect(enterprises.length).toBeGreaterThanOrEqual(10);
    expect(enterprises.length).toBeLessThanOrEqual(12);
    for (const e of enterprises) {
      const shops = casesOfType('shop').filter((s) => s.parentKey === e.key);
      expect(shops.length, e.name).toBeGreaterThanOrEqual(2);
      expect(shops.length, e.name).toBeLessThanOrEqual(4);
      expect(e.aliases.length, e.name).toBeGreaterThanOrEqual(2);
      for (const a of ['enterprise.industry', 'enterprise.ownership', 'enterprise.staff', 'enterprise.region']) expect(e.attributes[a], `${e.name} ${a}`).toBeDefined();
    }
    expect(enterprises.map((e) => e.name)).toEqual(expect.arrayContaining(['Кольца', 'ЛенКон', 'Пластмасс']));
    const informants = casesOfType('informant');
    expect(informants.length).toBeGreaterThanOrEqual(100);
    expect(informants.length).toBeLessThanOrEqual(140);
    for (const i of informants) {
      for (const a of ['informant.role', 'informant.gender', 'informant.birthYear', 'informant.serviceYears', 'informant.unionMember']) expect(i.attributes[a], `${i.key} ${a}`).toBeDefined();
      expect(['enterprise', 'shop']).toContain(project.cases.find((c) => c.key === i.parentKey)?.typeKey);
    }
    const roles = new Set(informants.map((i) => i.attributes['informant.role']));
    for (const r of ['worker', 'brigadier', 'foreman', 'shop chief', 'director', 'deputy director', 'head of personnel', 'union chair', 'specialist (ITR)']) expect(roles.has(r), r).toBe(true);
    expect(project.members.length).toBeGreaterThanOrEqual(20);
    expect(project.members.length).toBeLessThanOrEqual(30);
    expect(new Set(project.members.map((m) => m.team)).size).toBe(4);
  });

  it('has ~350 documents in the expected mix', () => {
    expect(project.documents.length).toBeGreaterThanOrEqual(330);
    expect(project.documents.length).toBeLessThanOrEqual(370);
    const interviews = byKind('interview');
    expect(interviews.length).toBeGreaterThanOrEqual(180);
    expect(interviews.length).toBeLessThanOrEqual(220);
    const english = interviews.filter((d) => d.language === 'en').length;
    expect(english / interviews.length).toBeGreaterThan(0.05);
    expect(english / interviews.length).toBeLessThan(0.15);
    expect(byKind('field_note').length).toBeGreaterThanOrEqual(50);
    expect(byKind('enterprise_report').length).toBeGreaterThanOrEqual(25);
    expect(byKind('press_item').length).toBeGreaterThanOrEqual(20);
    expect(byKind('meeting_record').length).toBeGreaterThanOrEqual(8);
    expect(byKind('diary').length).toBeGreaterThanOrEqual(2);
    expect(byKind('letter').length).toBeGreaterThanOrEqual(3);
    expect(byKind('enterprise_document').length).toBeGreaterThanOrEqual(8);
  });

  it('has ~80 codes in categories A–N and ~2,500 codings by several coders', () => {
    expect(project.codes.length).toBeGreaterThanOrEqual(70);
    expect(project.codes.length).toBeLessThanOrEqual(100);
    const roots = project.codes.filter((c) => c.parentKey === null).map((c) => c.key);
    expect(roots).toEqual('ABCDEFGHIJKLMN'.split(''));
    const names = project.codes.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Paternalism from above', 'Klassnost', 'Informal relations type 2: system of (personal) dependence']));
    const a4 = project.codes.find((c) => c.key === 'A4');
    expect(a4?.inclusion).toMatch(/personal/);
    expect(a4?.exclusion).toMatch(/A3/);
    expect(project.codings.length).toBeGreaterThanOrEqual(2300);
    expect(project.codings.length).toBeLessThanOrEqual(2700);
    expect(new Set(project.codings.map((c) => c.coderKey)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(project.codings.map((c) => c.codeKey)).size).toBeGreaterThan(60);
  });

  it('has memos on the project, the paternalism codes and some cases', () => {
    const targets = project.memos.map((m) => `${m.target.type}:${m.target.key ?? ''}`);
    expect(targets).toEqual(expect.arrayContaining(['project:', 'code:G1', 'code:G']));
    expect(project.memos.filter((m) => m.target.type === 'case').length).toBeGreaterThanOrEqual(2);
  });
});

describe('sample material', () => {
  it('writes full interviews of 60–250 turns and shorter extracts', () => {
    const interviews = byKind('interview');
    const full = interviews.filter((d) => d.attributes['document.transcript'] === 'full').map((d) => turns(d.text));
    const extracts = interviews.filter((d) => d.attributes['document.transcript'] === 'extract').map((d) => turns(d.text));
    expect(full.length).toBeGreaterThan(100);
    expect(extracts.length).toBeGreaterThan(20);
    expect(Math.min(...full)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...full)).toBeLessThanOrEqual(250);
    expect(Math.max(...extracts)).toBeLessThan(60);
  });

  it('lays out transcripts in the period styles', () => {
    const texts = byKind('interview').map((d) => d.text);
    const has = (re: RegExp): number => texts.filter((t) => re.test(t)).length;
    expect(has(/^И: /m)).toBeGreaterThan(20);
    expect(has(/^Р: /m)).toBeGreaterThan(20);
    expect(has(/^Интервьюер: /m)).toBeGreaterThan(5);
    expect(has(/^\[\d{2}:\d{2}:\d{2}\] /m)).toBeGreaterThan(5);
    expect(has(/^— /m)).toBeGreaterThan(5);
    expect(has(/^Q: /m)).toBeGreaterThan(5);
    expect(has(/^Р2: /m)).toBeGreaterThan(3);
    const dashed = byKind('interview').filter((d) => /^— /m.test(d.text));
    for (const d of dashed) expect(Object.keys(d.speakers)).toEqual([]);
  });

  it('records meetings with many speakers, voices from the floor and stage directions', () => {
    for (const d of byKind('meeting_record')) {
      expect(Object.keys(d.speakers).length, d.key).toBeGreaterThanOrEqual(2);
      expect(d.text).toMatch(/^Из зала: /m);
      expect(d.text).toMatch(/\((шум в зале|сильный шум|смех|аплодисменты|работница плачет|показывает прошлогодний коллективный договор|несколько человек выходят из зала)\)/);
      expect(d.text).toMatch(/^Голосование: за — \d+/m);
    }
  });

  it('keeps revised quarterly reports close to their first version', () => {
    const revised = byKind('enterprise_report').filter((d) => (d.revisions?.length ?? 0) > 0);
    expect(revised.length).toBeGreaterThanOrEqual(5);
    expect(revised.some((d) => (d.revisions?.length ?? 0) >= 2)).toBe(true);
    for (const d of revised) {
      const first = new Set(d.text.split('\n'));
      const later = (d.revisions ?? [])[0]?.split('\n') ?? [];
      const kept = later.filter((l) => first.has(l)).length;
      expect(kept / later.length, d.key).toBeGreaterThan(0.6);
      expect(later.join('\n')).not.toBe(d.text);
    }
  });

  it('writes Russian with ё, Latin model numbers and folk terms; English with transliterations', () => {
    const ru = project.documents.filter((d) => d.language === 'ru');
    const en = project.documents.filter((d) => d.language === 'en');
    expect(ru.filter((d) => d.text.includes('ё')).length / ru.length).toBeGreaterThan(0.6);
    expect(ru.filter((d) => /[а-яё] [A-Z][A-Za-z]{0,4}-?\d/.test(d.text)).length).toBeGreaterThan(10);
    const ruAll = ru.map((d) => d.text).join('\n');
    for (const term of ['калым', 'блат', 'классност', 'КТУ', 'ОТК', 'ИТР']) expect(ruAll.includes(term), term).toBe(true);
    const enAll = en.map((d) => d.text).join('\n');
    for (const term of ['kalym', 'KTU']) expect(enAll.includes(term), term).toBe(true);
    for (const d of en) expect(/[а-яё]/i.test(d.text.replace(/\[[^\]]*\]/g, '')), d.key).toBe(false);
  });

  it('writes field notes in the first person, in paragraphs', () => {
    const notes = byKind('field_note').filter((d) => d.language === 'ru');
    expect(notes.filter((d) => /\bя\b|мне/.test(d.text)).length / notes.length).toBeGreaterThan(0.8);
    for (const d of notes) expect(d.text.split('\n').length, d.key).toBeGreaterThanOrEqual(3);
  });
});

describe('codebook and templates', () => {
  it('has a theme for every leaf code and valid contested pairs', () => {
    const themed = new Set(THEMES.map((t) => t.code));
    const codes = new Set(project.codes.map((c) => c.key));
    for (const leaf of BASE_LEAVES) expect(themed.has(leaf), leaf).toBe(true);
    for (const t of THEMES) expect(codes.has(t.code), t.code).toBe(true);
    for (const [code, others] of Object.entries(CONTESTED)) {
      expect(codes.has(code), code).toBe(true);
      for (const o of others) expect(codes.has(o), o).toBe(true);
    }
  });

  it('expands every template with the slots it will be given', () => {
    const rng = new Rng('templates');
    const ent = ALL_ENTERPRISES[0];
    if (!ent) throw new Error('no enterprises');
    const slots = buildSlots({ enterprise: ent, shop: ent.shops[0] ?? null, when: '1993-06-15', director: null });
    const speakerRu = { startYear: '1975', service: '18 лет', title: 'мастер', age: '45 лет' };
    const speakerEn = { startYear: '1975', service: '18 years', title: 'a foreman', age: '45' };
    const ru = [...THEMES.flatMap((t) => [...t.q, ...t.a, ...(t.aw ?? []), ...(t.af ?? []), ...(t.am ?? []), ...(t.obs ?? []), ...(t.formal ?? []), ...(t.press ?? [])]),
      ...P.RU_OPENERS, ...P.RU_TAILS, ...P.RU_PROMPTS, ...P.RU_BIO_Q, ...P.RU_BIO_A, ...P.RU_FIELD_OPENINGS, ...P.RU_FIELD_GLUE, ...P.RU_REPORT_GLUE, ...P.RU_PRESS_GLUE, ...P.RU_LETTER_LINES, ...P.RU_DIARY_GLUE];
    const en = [...THEMES.flatMap((t) => [...t.qEn, ...t.aEn, ...(t.obsEn ?? [])]), ...P.EN_OPENERS, ...P.EN_BIO_A, ...P.EN_FIELD_OPENINGS, ...P.EN_FIELD_GLUE, ...P.EN_LETTER_LINES];
    for (const [templates, set, extra] of [[ru, slots.ru, speakerRu], [en, slots.en, speakerEn]] as const) {
      for (const t of templates) {
        for (const name of slotsOf(t)) expect(name in set || name in extra, `${name} in ${t}`).toBe(true);
        for (const gender of ['m', 'f'] as const) {
          const out = expand(t, { gender, slots: set, extra }, rng);
          expect(out.length).toBeGreaterThan(0);
          expect(/[{}|~]/.test(out), out).toBe(false);
        }
      }
    }
  });

  it('gives codes distinct colours', () => {
    expect(new Set(project.codes.map((c) => c.color)).size).toBe(project.codes.length);
  });
});
