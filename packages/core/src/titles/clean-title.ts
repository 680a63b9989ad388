const MAX_TITLE_LENGTH = 100;

/**
 * Models dress titles up: quotes, a "Title:" label, Markdown emphasis or a heading mark, a final
 * full stop. What is left is the title a person would have typed.
 */
export function cleanTitle(raw: string): string {
  let title = raw.split('\n').find((line) => line.trim().length > 0) ?? '';
  title = title
    .replace(/^\s*#{1,6}\s*/, '')
    .replace(/[*_`~]+/g, '')
    .replace(/^\s*(title|titre|titel|título)\s*:\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  const quotes = /^["'“”‘’«»「」]+|["'“”‘’«»「」]+$/g;
  for (let previous = ''; previous !== title;) {
    previous = title;
    title = title
      .replace(quotes, '')
      .replace(/[.!?;:,。！？…\s]+$/u, '')
      .trim();
  }
  if (title.length > MAX_TITLE_LENGTH) {
    const cut = title.slice(0, MAX_TITLE_LENGTH);
    const lastSpace = cut.lastIndexOf(' ');
    title = (lastSpace > 40 ? cut.slice(0, lastSpace) : cut).trim();
  }
  return title;
}
