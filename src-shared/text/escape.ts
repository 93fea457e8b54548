/** Text made safe to place inside HTML, element content or a quoted attribute alike. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
