import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { quire } from './cli-support';
import { newProject, seed, tempFolder } from './support';

/** A project with enterprises and one informant, closed so the command can open it. */
async function project() {
  const { client, file } = await newProject();
  const s = await seed(client);
  const gender = await client.call('attributes.define', { name: 'Gender', target: 'case', caseTypeId: s.informant.id, valueType: 'choice', choices: ['female', 'male'] });
  await client.call('project.close', {});
  return { file, gender, ...s };
}

describe('quire cases import', () => {
  it('imports an informant list with the mapping it guessed, lists the rows it left out, and exits 1 for them', async () => {
    const p = await project();
    const folder = tempFolder();
    const csv = path.join(folder, 'информанты.csv');
    fs.writeFileSync(
      csv,
      iconv.encode(['ФИО;Предприятие;Пол;Телефон', 'Иванова Анна;Кольца;female;22-33-44', 'мастер петров;Rings;male;', 'Сидоров;Шахта;м;'].join('\r\n'), 'win1251'),
    );

    const preview = await quire('cases', 'import', p.file, csv, '--type', 'INFORMANT', '--preview', '--format', 'csv');
    expect(preview.code).toBe(1);
    expect(preview.out).toBe(
      ['row,outcome,name,details', '2,create,Иванова Анна,', '3,update,мастер петров,changes Gender', '4,problem,Сидоров,"“м” is not a valid Gender: it must be one of female, male."', ''].join('\n'),
    );

    const run = await quire('cases', 'import', p.file, csv, '--type', 'INFORMANT', '--format', 'csv');
    expect(run.code).toBe(1);
    expect(run.err).toContain('Columns of информанты.csv, as informant cases:\n  ФИО → name\n  Предприятие → parent\n  Пол → attribute “Gender”\n  Телефон → ignored\n');
    expect(run.err).toContain('row 4: “м” is not a valid Gender: it must be one of female, male.');
    expect(run.out).toBe('created,updated,unchanged,skipped,problems\n1,1,0,0,1\n');

    const again = await quire('cases', 'import', p.file, csv, '--type', 'informant', '--format', 'json');
    expect(JSON.parse(again.out)).toEqual([{ created: 0, updated: 0, unchanged: 2, skipped: 0, problems: 1 }]);

    expect((await quire('undo', p.file)).err).toContain('Undone: Imported informant cases from “информанты.csv”: 1 new, 1 updated');
  });

  it('reads the named sheet of a workbook and exits 0 when every row imported', async () => {
    const p = await project();
    const folder = tempFolder();
    const xlsx = path.join(folder, 'list.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['nothing here']);
    const sheet = wb.addWorksheet('Enterprises');
    sheet.addRow(['Name', 'Aliases', 'Region', 'Industry']);
    sheet.addRow(['Подшипник', 'Bearing; ГПЗ', 'Самара', 'Machine-building']);
    fs.writeFileSync(xlsx, Buffer.from(await wb.xlsx.writeBuffer()));

    const run = await quire('cases', 'import', p.file, xlsx, '--type', 'enterprise', '--sheet', 'Enterprises');
    expect(run.err).toContain('Columns of the sheet "Enterprises", as enterprise cases:\n  Name → name\n  Aliases → aliases\n  Region → parent\n  Industry → attribute “industry”\n');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/created\s+updated\s+unchanged\s+skipped\s+problems\n[─ ]+\n\s+1\s+0\s+0\s+0\s+0\n/);
    const info = await quire('info', p.file, '--format', 'json');
    expect(JSON.parse(info.out)).toContainEqual({ property: 'cases', value: 5 });
  });

  it('says what is missing when called wrongly', async () => {
    const p = await project();
    expect(await quire('cases', 'import', p.file)).toMatchObject({ code: 2, err: expect.stringMatching(/name one case list/) });
    const csv = path.join(tempFolder(), 'x.csv');
    fs.writeFileSync(csv, 'Name\nAnna\n');
    expect(await quire('cases', 'import', p.file, csv)).toMatchObject({ code: 2, err: expect.stringMatching(/--type "Informant"/) });
    expect(await quire('cases', 'import', p.file, csv, '--type', 'Shop')).toMatchObject({ code: 2, err: expect.stringMatching(/no case type "Shop"; the project has: region, enterprise, informant/) });
    expect(await quire('cases', 'import', p.file, path.join(tempFolder(), 'gone.csv'), '--type', 'region')).toMatchObject({ code: 2, err: expect.stringMatching(/no such file/) });
    expect(await quire('cases', p.file)).toMatchObject({ code: 2, err: expect.stringMatching(/no command "cases/) });
  });
});
