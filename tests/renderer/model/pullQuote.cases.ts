import { p, type RoundTripCase } from './case';

export const cases: RoundTripCase[] = [
  {
    name: 'a pull quote with its attribution',
    editorHtml: '<figure class="pull-quote"><blockquote><p>Học, học nữa, học mãi</p></blockquote><figcaption>Lê-nin</figcaption></figure>',
    stored: [{ type: 'pullQuote', attrs: { cite: 'Lê-nin' }, content: [p('Học, học nữa, học mãi')] }],
    page: '<figure class="pull-quote"><blockquote><p>Học, học nữa, học mãi</p></blockquote><figcaption>Lê-nin</figcaption></figure>',
  },
  {
    name: 'a pull quote nobody is named for',
    editorHtml: '<figure class="pull-quote"><blockquote><p>Mỗi người dân là một công dân học tập.</p></blockquote></figure>',
    stored: [{ type: 'pullQuote', content: [p('Mỗi người dân là một công dân học tập.')] }],
    page: '<figure class="pull-quote"><blockquote><p>Mỗi người dân là một công dân học tập.</p></blockquote></figure>',
  },
];
