/** The desktop shell's own words (menus, dialogs), in the two languages of the app. */
export type Language = 'en' | 'ru';

export const LANGUAGES: readonly { readonly code: Language; readonly name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'ru', name: 'Русский' },
];

export interface ShellLabels {
  readonly file: string;
  readonly newProject: string;
  readonly openProject: string;
  readonly openSample: string;
  readonly recentProjects: string;
  readonly noRecentProjects: string;
  readonly closeProject: string;
  readonly quit: string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly view: string;
  readonly language: string;
  readonly reload: string;
  readonly toggleDevTools: string;
  readonly actualSize: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fullScreen: string;
  readonly window: string;
  readonly minimize: string;
  readonly help: string;
  readonly about: string;
  readonly hide: string;
  readonly hideOthers: string;
  readonly showAll: string;
  readonly services: string;
  readonly projectFiles: string;
  readonly openProjectTitle: string;
  readonly newProjectTitle: string;
  readonly create: string;
  readonly untitled: string;
  readonly errorTitle: string;
  readonly aboutDetail: string;
}

export const LABELS: Readonly<Record<Language, ShellLabels>> = {
  en: {
    file: 'File',
    newProject: 'New Project…',
    openProject: 'Open Project…',
    openSample: 'Open Sample Project',
    recentProjects: 'Recent Projects',
    noRecentProjects: 'No Recent Projects',
    closeProject: 'Close Project',
    quit: 'Quit Quire',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    language: 'Language',
    reload: 'Reload',
    toggleDevTools: 'Toggle Developer Tools',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    help: 'Help',
    about: 'About Quire',
    hide: 'Hide Quire',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    services: 'Services',
    projectFiles: 'Quire projects',
    openProjectTitle: 'Open a Quire project',
    newProjectTitle: 'Create a Quire project',
    create: 'Create',
    untitled: 'New project',
    errorTitle: 'Quire',
    aboutDetail: 'Qualitative coding and field notes for research teams.',
  },
  ru: {
    file: 'Файл',
    newProject: 'Новый проект…',
    openProject: 'Открыть проект…',
    openSample: 'Открыть пример проекта',
    recentProjects: 'Недавние проекты',
    noRecentProjects: 'Нет недавних проектов',
    closeProject: 'Закрыть проект',
    quit: 'Выйти из Quire',
    edit: 'Правка',
    undo: 'Отменить',
    redo: 'Повторить',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    selectAll: 'Выделить всё',
    view: 'Вид',
    language: 'Язык',
    reload: 'Перезагрузить',
    toggleDevTools: 'Инструменты разработчика',
    actualSize: 'Исходный размер',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    fullScreen: 'Полноэкранный режим',
    window: 'Окно',
    minimize: 'Свернуть',
    help: 'Справка',
    about: 'О программе Quire',
    hide: 'Скрыть Quire',
    hideOthers: 'Скрыть остальные',
    showAll: 'Показать все',
    services: 'Службы',
    projectFiles: 'Проекты Quire',
    openProjectTitle: 'Открыть проект Quire',
    newProjectTitle: 'Создать проект Quire',
    create: 'Создать',
    untitled: 'Новый проект',
    errorTitle: 'Quire',
    aboutDetail: 'Качественное кодирование и полевые заметки для исследовательских групп.',
  },
};
