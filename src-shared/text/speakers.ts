/**
 * Decides whether the words before a colon name a speaker (`И`, `Respondent 2`, `Иван Петрович`,
 * `А.Г. Шведов`, `Head of OTK`, `Из зала`) or are prose (`Он сказал так`, `Итак`, `Дата`).
 * Shape rules come first; word lists then catch the short prose and metadata headers that the
 * shape alone lets through. The lists are lower case and compared against lower-cased words.
 */

/** At most this many words in a label. */
const MAX_LABEL_WORDS = 5;

/** Letters, marks, digits, spaces and the few symbols names and roles use. No sentence punctuation. */
const LABEL_CHARS = /^[\p{L}\p{M}\p{N} \t'’\-‐.()&/№#]+$/u;

/**
 * A label starts with a capital (or a caseless letter, for scripts without case), unless it opens
 * with an abbreviated title (`тов. Иванов`).
 */
const LABEL_START = /^[\p{Lu}\p{Lt}\p{Lo}]/u;

/** `А.Г.`, `A.`, `А.Г.Шведов`: initials, optionally glued to the surname. */
const INITIALS = /^(?:\p{Lu}\.)+(?:\p{Lu}[\p{L}\p{M}'’-]*)?$/u;

/** A word ending in a period that is an abbreviation, not the end of a sentence. */
const ABBREVIATED = /^(\p{L}+)\.$/u;
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'jr', 'sr', 'st',
  'тов', 'гр', 'зам', 'нач', 'пред', 'ген', 'дир', 'гл', 'ст', 'мл', 'им', 'проф',
]);

/** A trailing number, as in `Respondent 2`, `Р2`, `Участник №3`. */
const TRAILING_NUMBER = /[\s\-_#№]*\d+$/u;

/** Roles used in transcripts, accepted in any case and with a trailing number. */
const ROLES = new Set([
  'interviewer', 'interviewee', 'respondent', 'informant', 'moderator', 'facilitator', 'speaker',
  'participant', 'researcher', 'question', 'answer', 'q', 'a', 'i', 'r', 'p', 'm', 's',
  'интервьюер', 'интервьюерка', 'респондент', 'респондентка', 'информант', 'информантка',
  'модератор', 'ведущий', 'ведущая', 'участник', 'участница', 'собеседник', 'собеседница',
  'исследователь', 'исследовательница', 'вопрос', 'ответ', 'и', 'р', 'в', 'о', 'м', 'с',
]);

/** Pronouns, verbs of speech and discourse words: a label containing one is a sentence. */
const PROSE_WORDS = new Set([
  // Russian
  'он', 'она', 'оно', 'они', 'мы', 'вы', 'ты', 'это', 'этот', 'эта', 'эти', 'этого', 'того',
  'тот', 'та', 'те', 'то', 'так', 'как', 'что', 'чтобы', 'когда', 'если', 'потом', 'тогда', 'там',
  'тут', 'здесь', 'вот', 'ну', 'да', 'нет', 'не', 'ни', 'уже', 'ещё', 'еще', 'был', 'была',
  'было', 'были', 'будет', 'будут', 'есть', 'сказал', 'сказала', 'сказали', 'говорит', 'говорил',
  'говорила', 'говорили', 'говорят', 'спросил', 'спросила', 'ответил', 'ответила', 'пишет',
  'написал', 'написала', 'отметил', 'отметила', 'считает', 'думаю', 'думает', 'его', 'её', 'ее',
  'их', 'им', 'ему', 'ей', 'мне', 'нам', 'вам', 'меня', 'нас', 'вас', 'всё', 'все', 'который',
  'которая', 'которые', 'которое', 'потому', 'поэтому', 'следующее', 'следующим', 'следующие',
  'образом', 'значит', 'причем', 'причём', 'однако', 'также', 'тоже', 'только', 'очень',
  'можно', 'нужно', 'надо', 'кто', 'где', 'куда', 'почему', 'зачем', 'сейчас', 'теперь',
  'раньше', 'всегда', 'никогда', 'просто', 'именно', 'даже', 'хотя', 'или', 'либо', 'но', 'мой',
  'моя', 'мои', 'наш', 'наша', 'наши', 'ваш', 'ваша', 'свой', 'своя', 'свои',
  // English
  'he', 'she', 'it', 'we', 'they', 'you', "i'm", 'this', 'that', 'these', 'those', 'there', 'here',
  'then', 'so', 'thus', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'has', 'have', 'had',
  'do', 'does', 'did', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  'said', 'says', 'say', 'asked', 'asks', 'told', 'tells', 'replied', 'answered', 'wrote',
  'writes', 'noted', 'my', 'his', 'her', 'its', 'our', 'their', 'your', 'me', 'him', 'us', 'them',
  'what', 'which', 'when', 'where', 'why', 'how', 'because', 'if', 'but', 'also', 'just', 'not',
  'yes', 'no', 'well', 'following', 'follows',
]);

/**
 * Words that open metadata headers and discourse markers in field notes and minutes
 * (`Дата:`, `Присутствовали:`, `Слушали:`, `Голосовали:`, `Итак:`, `Note:`). Checked on the first
 * word only. Roles that speak in minutes (`Председатель:`, `Из зала:`, `Голос с места:`) are not
 * here: they are turns.
 */
const HEADER_WORDS = new Set([
  // Russian
  'дата', 'даты', 'время', 'место', 'тема', 'темы', 'цель', 'цели', 'задача', 'задачи', 'итог',
  'итоги', 'вывод', 'выводы', 'результат', 'результаты', 'примечание', 'примечания', 'прим',
  'комментарий', 'комментарии', 'замечание', 'замечания', 'участники', 'присутствовали',
  'присутствуют', 'отсутствовали', 'повестка', 'слушали', 'постановили', 'решили', 'решение',
  'решения', 'источник', 'источники', 'файл', 'документ', 'ссылка', 'ссылки', 'теги', 'метки',
  'ключевые', 'адрес', 'тел', 'телефон', 'почта', 'город', 'регион', 'предприятие',
  'организация', 'должность', 'стаж', 'возраст', 'пол', 'образование', 'продолжительность',
  'длительность', 'запись', 'транскрипт', 'транскрипция', 'расшифровка', 'внимание', 'важно',
  'кстати', 'впрочем', 'короче', 'во-первых', 'во-вторых', 'в-третьих', 'наконец', 'итак',
  'например', 'следовательно', 'вопросы', 'ответы', 'пример', 'примеры', 'см', 'нб', 'фио',
  'ф.и.о', 'интервью', 'цитата', 'фото', 'таблица', 'рисунок', 'глава', 'раздел', 'часть',
  'приложение', 'шаг', 'этап', 'пункт', 'вариант',
  // Minutes of meetings: the parts of the record, not the people speaking.
  'протокол', 'выступили', 'выступил', 'выступила', 'голосовали', 'голосование', 'предложено',
  'предложили', 'принято', 'приняли', 'единогласно', 'за', 'против', 'воздержались',
  // English
  'date', 'time', 'place', 'location', 'venue', 'topic', 'subject', 'agenda', 'notes', 'note',
  'nb', 'ps', 'summary', 'conclusion', 'conclusions', 'result', 'results', 'present',
  'attendees', 'participants', 'absent', 'source', 'sources', 'file', 'document', 'link', 'tags',
  'keywords', 'address', 'tel', 'phone', 'email', 'e-mail', 'city', 'region', 'enterprise',
  'organisation', 'organization', 'position', 'age', 'gender', 'education', 'duration', 'length',
  'recording', 'transcript', 'transcribed', 'transcriber', 'warning', 'attention', 'important',
  'caution', 'tip', 'hint', 'example', 'examples', 'see', 'cf', 're', 'fyi', 'todo', 'update',
  'status', 'type', 'title', 'however', 'first', 'second', 'third', 'finally', 'therefore',
  'hence', 'questions', 'answers', 'interview', 'quote', 'photo', 'table', 'figure', 'chapter',
  'section', 'part', 'appendix', 'step', 'stage', 'item', 'option',
  'minutes', 'apologies', 'moved', 'seconded', 'resolved', 'carried', 'motion', 'vote', 'votes',
  'voting', 'agreed', 'action', 'actions', 'decision', 'decisions',
]);

/** True when `label` (trimmed, without the colon) reads as the name or role of a speaker. */
export function isSpeakerLabel(label: string): boolean {
  if (!LABEL_CHARS.test(label)) return false;
  const words = label.split(/\s+/);
  if (words.length > MAX_LABEL_WORDS) return false;
  if (!words.every(isLabelWord)) return false;
  const lower = words.map((w) => w.toLowerCase());
  if (ROLES.has(label.replace(TRAILING_NUMBER, '').toLowerCase())) return true;
  if (!LABEL_START.test(label) && !isAbbreviation(words[0] ?? '')) return false;
  const first = lower[0] ?? '';
  if (HEADER_WORDS.has(first.replace(/\.$/, ''))) return false;
  // Single letters are initials or role letters (И, Я, A), never a reason to call it prose.
  return !lower.some((w) => w.length > 1 && PROSE_WORDS.has(w));
}

/** A word may hold a period only as initials or a known abbreviation. */
function isLabelWord(word: string): boolean {
  if (!word.includes('.')) return true;
  return INITIALS.test(word) || isAbbreviation(word);
}

function isAbbreviation(word: string): boolean {
  const abbreviation = ABBREVIATED.exec(word)?.[1];
  return abbreviation !== undefined && ABBREVIATIONS.has(abbreviation.toLowerCase());
}
