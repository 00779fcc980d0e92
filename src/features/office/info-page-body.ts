/**
 * The body of an information page is plain text, never HTML: blank lines separate paragraphs and
 * lines starting with "- " are list items. Pages render these blocks as elements whose text is
 * escaped, so nothing an administrator types becomes markup.
 */
export type InfoPageBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

export function infoPageBlocks(body: string): InfoPageBlock[] {
  const blocks: InfoPageBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list.length) blocks.push({ kind: 'list', items: list });
    paragraph = [];
    list = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      flush();
    } else if (/^[-•]\s+/.test(line)) {
      if (paragraph.length) flush();
      list.push(line.replace(/^[-•]\s+/, ''));
    } else {
      if (list.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
