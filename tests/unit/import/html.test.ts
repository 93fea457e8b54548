import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { extractDocument } from '../../../src-main/core/import';
import { fixture, structure } from './helpers/fixtures';


const html = (source: string, fileName = 'page.html') => extractDocument({ bytes: Buffer.from(source, 'utf8'), fileName });

describe('HTML', () => {
  it('turns block elements into paragraphs, collapses whitespace, decodes entities', async () => {
    const doc = await html(
      '<!doctype html><html><head><title>Дневник &amp; заметки</title></head><body>\n<h1>Заголовок</h1>\n' +
        '<p>Первый   абзац,\n   на двух строках &laquo;цитата&raquo; &#1025;лка&nbsp;и&nbsp;ёж</p><div>Блок <b>жирный</b><i>курсив</i></div>' +
        '<ul><li>один</li><li>два</li></ul><p>строка<br>после переноса</p></body></html>',
    );
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('Дневник & заметки');
    expect(doc.text).toBe('Заголовок\nПервый абзац, на двух строках «цитата» Ёлка\u00a0и\u00a0ёж\nБлок жирныйкурсив\nодин\nдва\nстрока\nпосле переноса');
    expect(doc.encoding?.name).toBe('utf-8');
  });

  it('never lets scripts, styles or event handlers into the text', async () => {
    const doc = await html(
      '<html><head><style>p { color: red }</style><script>var secret = "SCRIPT-TEXT";</script></head><body>' +
        '<p onclick="alert(\'HANDLER-TEXT\')">Видимый текст</p><script type="module">import("x") // SCRIPT-TEXT</script>' +
        '<noscript>NOSCRIPT-TEXT</noscript><template><p>TEMPLATE-TEXT</p></template><svg><script>SVG-SCRIPT</script><text>SVG-TEXT</text></svg>' +
        '<iframe srcdoc="<p>IFRAME</p>">IFRAME-TEXT</iframe><img src=x onerror="alert(1)"><p>Ещё текст &lt;script&gt;это текст&lt;/script&gt;</p></body></html>',
    );
    expect(doc.text).toBe('Видимый текст\nЕщё текст <script>это текст</script>');
    for (const hidden of ['SCRIPT-TEXT', 'HANDLER', 'color: red', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'onerror']) expect(doc.text).not.toContain(hidden);
  });

  it('makes one paragraph per table row, nested tables inside their cell', async () => {
    const doc = await html(
      '<table><thead><tr><th>Имя</th><th>Возраст</th></tr></thead><tbody><tr><td><p>Анна</p><p>Петровна</p></td><td>34</td></tr>' +
        '<tr><td>Вложенная: <table><tr><td>x</td><td>y</td></tr></table></td><td></td></tr></tbody></table><p>После</p>',
    );
    expect(doc.text).toBe('Имя | Возраст\nАнна Петровна | 34\nВложенная: x y\nПосле');
  });

  it('keeps preformatted lines', async () => {
    const doc = await html('<pre>И: вопрос\n   Р: ответ   с пробелами</pre>');
    expect(doc.text).toBe('И: вопрос\nР: ответ   с пробелами');
  });

  it('takes the charset from <meta charset> and from http-equiv', async () => {
    const page = '<html><head><meta charset="windows-1251"><title>Тест</title></head><body><p>Привет</p></body></html>';
    const a = await extractDocument({ bytes: iconv.encode(page, 'cp1251'), fileName: 'a.htm' });
    expect(a.text).toBe('Привет');
    expect(a.encoding).toEqual({ name: 'windows-1251', detected: false, confidence: 1, alternatives: [] });
    const b = await extractDocument({
      bytes: iconv.encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>Привет, мир</body></html>', 'koi8-r'),
      fileName: 'b.html',
    });
    expect(b.text).toBe('Привет, мир');
    expect(b.encoding?.name).toBe('koi8-r');
  });

  it('detects the encoding when the page declares none, and honours an override', async () => {
    const page = '<html><body><p>Расскажите, пожалуйста, как вы пришли в волонтёрство? Это был долгий путь или всё случилось быстро?</p></body></html>';
    const doc = await extractDocument({ bytes: iconv.encode(page, 'cp866'), fileName: 'dos.html' });
    expect(doc.encoding?.name).toBe('ibm866');
    expect(doc.text).toContain('волонтёрство');
    const forced = await extractDocument({ bytes: iconv.encode(page, 'cp866'), fileName: 'dos.html', encoding: 'ibm866' });
    expect(forced.encoding?.detected).toBe(false);
  });

  it('ignores a wrong UTF-8 declaration and detects instead', async () => {
    const page = '<html><head><meta charset="utf-8"></head><body><p>Расскажите, пожалуйста, как вы пришли в волонтёрство? Это был долгий путь?</p></body></html>';
    const doc = await extractDocument({ bytes: iconv.encode(page, 'cp1251'), fileName: 'liar.html' });
    expect(doc.encoding?.name).toBe('windows-1251');
    expect(doc.text).toContain('волонтёрство');
  });

  it('recognises HTML by its content when the extension says nothing', async () => {
    const doc = await extractDocument({ bytes: Buffer.from('<!DOCTYPE html><p>Hi <b>there</b></p>'), fileName: 'export' + '.htmlx' });
    expect(doc.format).toBe('html');
    expect(doc.text).toBe('Hi there');
  });

  it('refuses a page with no text', async () => {
    await expect(html('<html><head><script>alert(1)</script></head><body><img src="a.png"></body></html>')).rejects.toThrow(/contains no text/);
  });

  it('reads the committed sample page', async () => {
    const doc = await extractDocument(fixture('interview-ru-en.html'));
    expect(doc.title).toBe('Интервью №7: волонтёры');
    expect(doc.text.split('\n')).toHaveLength(8);
    expect(doc.text).not.toContain('font-family');
    expect(structure(doc.text).map(([kind, speaker]) => speaker ?? kind)).toEqual(['paragraph', 'И', 'Р', 'И', 'Р', 'paragraph', 'Interviewer', 'Respondent']);
  });
});
