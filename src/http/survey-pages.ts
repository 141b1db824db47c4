// The survey's public pages (issue 7 item 3): small, self-contained HTML (no scripts, no external
// assets) that a customer reaches from the email. Everything interpolated is escaped.

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}textarea{width:100%;min-height:7rem;font:inherit}button{font:inherit;padding:.4rem 1rem;margin-top:.5rem}
.code{color:#666;font-size:.85rem}</style></head>
<body>${body}</body></html>`;
}

export function thankYouPage(input: { score: number; scale: number; commentAction: string | null }): string {
  const form = input.commentAction
    ? `<form method="post" action="${escapeHtml(input.commentAction)}">
<label for="comment">Anything you would like to add? (optional)</label>
<textarea id="comment" name="comment" maxlength="2000"></textarea>
<button type="submit">Send comment</button></form>`
    : '';
  return page('Thank you', `<h1>Thank you for your rating</h1>
<p>You rated us <strong>${input.score} out of ${input.scale}</strong>.</p>${form}`);
}

export function commentThanksPage(): string {
  return page('Thank you', '<h1>Thank you</h1><p>Your comment reached the team that handled your case.</p>');
}

const HEADINGS: Record<string, string> = {
  survey_link_invalid: 'This link does not work',
  survey_link_expired: 'This link has expired',
  survey_already_answered: 'Already answered',
  survey_not_rated: 'Please pick a rating first',
  invalid_input: 'Please check your comment',
};

/** A refusal, said plainly, with its stable code for support staff and API clients. */
export function surveyErrorPage(code: string, message: string): string {
  return page(HEADINGS[code] ?? 'Something went wrong', `<h1>${escapeHtml(HEADINGS[code] ?? 'Something went wrong')}</h1>
<p>${escapeHtml(message.charAt(0).toUpperCase() + message.slice(1))}.</p>
<p class="code">Code: <code>${escapeHtml(code)}</code></p>`);
}
